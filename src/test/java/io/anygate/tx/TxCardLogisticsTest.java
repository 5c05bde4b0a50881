package io.anygate.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.card.CardShipment;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a TX card says of its parcel (docs/tx-contract.md, "TxCard logistics"). */
class TxCardLogisticsTest {

    private static TxCard card(TxCard.Logistics logistics, UserAttr... attrs) {
        return new TxCard(TxCardRef.ofId(1000L), null, null, null, null, null, CatalogueRef.ofRid("CP-PHYSICAL"), null,
                "777777******1234", "Inactive", null, null, null, null, logistics, List.of(attrs));
    }

    private static Optional<CardShipment> shipment(TxCard c) {
        return TxCardLogistics.shipment(c, "TX-CARRIER", "TX-TRACKING-NO");
    }

    @Test
    void carrierAndNumberMakeAParcel() {
        TxCard c = card(new TxCard.Logistics(null), new UserAttr("AGW-CARD-TYPE", "PLASTIC"),
                new UserAttr("TX-CARRIER", " DHL "), new UserAttr("TX-TRACKING-NO", "JD0146"));
        assertEquals(Optional.of(new CardShipment("DHL", "JD0146")), shipment(c));
    }

    @Test
    void eitherMissingOrBlankIsNoParcel() {
        assertTrue(shipment(card(null, new UserAttr("TX-CARRIER", "DHL"))).isEmpty());
        assertTrue(shipment(card(null, new UserAttr("TX-CARRIER", "DHL"), new UserAttr("TX-TRACKING-NO", " ")))
                .isEmpty());
        assertTrue(shipment(card(null)).isEmpty());
    }

    @Test
    void aCardCollectedAtABranchHasNoParcel() {
        TxCard c = card(new TxCard.Logistics("Branch 1", null, null), new UserAttr("TX-CARRIER", "DHL"),
                new UserAttr("TX-TRACKING-NO", "JD0146"));
        assertTrue(shipment(c).isEmpty());
    }
}
