package dev.dialtone.web;

/** Twilio errors for statuses the servlet container decides on its own (bad request lines, …). */
final class ContainerErrors {
    private ContainerErrors() {}

    static TwilioException forStatus(int status, String path) {
        return switch (status) {
            case 404 -> TwilioException.notFound(path);
            case 401 -> TwilioException.unauthorized();
            case 405 ->
                    new TwilioException(
                            405, TwilioErrorCodes.METHOD_NOT_ALLOWED, "Method not allowed");
            default ->
                    status >= 400 && status < 500
                            ? new TwilioException(
                                    status, TwilioErrorCodes.INVALID_PARAMETER, "Bad request")
                            : new TwilioException(
                                    500,
                                    TwilioErrorCodes.INTERNAL_SERVER_ERROR,
                                    "Internal Server Error");
        };
    }
}
