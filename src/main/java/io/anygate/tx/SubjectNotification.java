package io.anygate.tx;

/**
 * The body of {@code POST /tx/v1/subject/notification}. {@code messageBody} may hold a card secret: {@code toString}
 * hides it, never log it.
 *
 * @param channelKind the delivery channel as TX's configuration names it (gateway.card-delivery.*-channel-kind)
 * @param address     mobile number or email address
 */
public record SubjectNotification(String channelKind, String address, String messageSubject, String messageBody) {

    @Override
    public String toString() {
        return "SubjectNotification[" + channelKind + ", ***]";
    }
}
