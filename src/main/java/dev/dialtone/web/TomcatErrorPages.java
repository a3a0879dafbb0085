package dev.dialtone.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/** Installs {@link TwilioErrorReportValve} in place of Tomcat's HTML error report. */
@Component
class TomcatErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(
                context -> {
                    if (context.getParent() instanceof StandardHost host) {
                        host.setErrorReportValveClass(TwilioErrorReportValve.class.getName());
                    }
                });
    }
}
