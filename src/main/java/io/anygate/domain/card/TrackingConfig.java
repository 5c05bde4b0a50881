package io.anygate.domain.card;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** Card order tracking: where TX reports a shipment, and the tracking link of each carrier. */
@ConfigMapping(prefix = "gateway.tracking")
public interface TrackingConfig {

    /**
     * The tracking link of each carrier, by carrier name as TX reports it (compared ignoring case), with
     * {@code {tracking_number}} where the URL-encoded tracking number goes. A carrier without a template has no link.
     */
    Map<String, String> carriers();

    /** The rid of the TX card user attribute naming the carrier. */
    @WithDefault("TX-CARRIER")
    String carrierAttr();

    /** The rid of the TX card user attribute holding the carrier's tracking number. */
    @WithDefault("TX-TRACKING-NO")
    String trackingNumberAttr();
}
