package dev.dialtone.faults;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Inbound faults apply to Twilio's API, after the credentials are checked. */
@Configuration(proxyBeanMethods = false)
class FaultConfiguration implements WebMvcConfigurer {

    private final Faults faults;

    FaultConfiguration(Faults faults) {
        this.faults = faults;
    }

    @Override
    public void addInterceptors(InterceptorRegistry interceptors) {
        interceptors
                .addInterceptor(new FaultInterceptor(faults))
                .addPathPatterns("/2010-04-01/**")
                .order(10);
    }
}
