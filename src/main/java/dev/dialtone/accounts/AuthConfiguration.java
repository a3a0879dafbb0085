package dev.dialtone.accounts;

import dev.dialtone.web.TwilioRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class AuthConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AuthConfiguration.class);

    /** The account application.yml configures when nothing else does. */
    static final String BUILT_IN_SID = "ACd1a170ed1a170ed1a170ed1a170e0000";

    static final String BUILT_IN_TOKEN = "dialtonedevtoken0000000000000000";

    private final AccountRegistry registry;

    AuthConfiguration(AccountRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void addInterceptors(InterceptorRegistry interceptors) {
        // Every route needs credentials, however its path is spelled; only the error page,
        // reached by the container's own dispatch, is left out.
        interceptors
                .addInterceptor(new BasicAuthInterceptor(registry))
                .addPathPatterns("/**")
                // The inspector's page and assets hold no data; what they read asks for
                // credentials.
                .excludePathPatterns("/error", "/", "/index.html", "/inspector/**");
    }

    @Bean
    FilterRegistrationBean<ActuatorAuthFilter> actuatorAuth(TwilioRenderer renderer) {
        FilterRegistrationBean<ActuatorAuthFilter> registration =
                new FilterRegistrationBean<>(new ActuatorAuthFilter(registry, renderer));
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Tells a newcomer which credentials to use. */
    @EventListener(ApplicationReadyEvent.class)
    void announceAccounts() {
        registry.all().forEach(account -> log.info(announcement(account)));
    }

    /**
     * The built-in account's token is public (README prints it), so it is shown; a configured one
     * is a secret, and only its account is named.
     */
    static String announcement(AccountsProperties.Account account) {
        boolean builtIn =
                BUILT_IN_SID.equals(account.sid()) && BUILT_IN_TOKEN.equals(account.authToken());
        return builtIn
                ? "Dialtone account " + account.sid() + " (auth token " + account.authToken() + ")"
                : "Dialtone account " + account.sid() + " (auth token as configured)";
    }
}
