package io.anygate.webhook;

/** How a delivery attempt ended: delivered (a 2xx answer), or not with the HTTP status or the error. */
public record DeliveryResult(boolean delivered, Integer httpStatus, String error) {

    static DeliveryResult answered(int status) {
        boolean ok = status >= 200 && status < 300;
        return new DeliveryResult(ok, status, ok ? null : "HTTP " + status);
    }

    static DeliveryResult error(String error) {
        return new DeliveryResult(false, null, error);
    }
}
