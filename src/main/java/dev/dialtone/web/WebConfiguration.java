package dev.dialtone.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry interceptors) {
        // After authentication, which answers 401 before anything about the request is looked at.
        interceptors
                .addInterceptor(new NulRefusal())
                .addPathPatterns("/**")
                .excludePathPatterns("/error")
                .order(Ordered.LOWEST_PRECEDENCE);
    }
}
