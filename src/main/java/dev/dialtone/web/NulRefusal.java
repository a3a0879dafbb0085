package dev.dialtone.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * No value with a NUL character gets in: PostgreSQL cannot store one, and no phone number, URL or
 * name has one. Query and form parameters and path variables alike are refused with a 400.
 */
class NulRefusal implements HandlerInterceptor {

    @Override
    public boolean preHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            check(parameter.getKey(), parameter.getKey());
            for (String value : parameter.getValue()) {
                check(parameter.getKey(), value);
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                instanceof Map<?, ?> variables) {
            for (Object value : variables.values()) {
                check("The path", String.valueOf(value));
            }
        }
        return true;
    }

    /**
     * @param name what to call the value in the message (a parameter's name is safe to echo: it was
     *     checked first)
     */
    private static void check(String name, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            String shown = name.indexOf('\0') >= 0 ? "A parameter name" : name;
            throw TwilioException.badRequest(
                    TwilioErrorCodes.INVALID_PARAMETER,
                    shown + " contains a NUL character, which is not allowed");
        }
    }
}
