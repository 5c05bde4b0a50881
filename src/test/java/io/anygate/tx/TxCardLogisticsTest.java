package io.anygate.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.card.CardShipment;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a TX card says of its parcel (docs/tx-contract.md, "Card logistics"). */
class TxCardLogisticsTest {

    private static Card card(Card.Logistics logistics, UserAttr... attrs) {
        return new Card(CardRef.ofId(1000L), null, null, null, null, null, CatalogueRef.ofRid("CP-PHYSICAL"), null,
                "777777******1234", "Inactive", null, null, null, null, logistics, List.of(attrs));
    }

    private static Optional<CardShipment> shipment(Card c) {
        return TxCardLogistics.shipment(c, "TX-CARRIER", "TX-TRACKING-NO");
    }

    @Test
    void carrierAndNumberMakeAParcel() {
        Card c = card(new Card.Logistics(null), new UserAttr("AGW-CARD-TYPE", "PLASTIC"),
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
        Card c = card(new Card.Logistics("Branch 1", null, null), new UserAttr("TX-CARRIER", "DHL"),
                new UserAttr("TX-TRACKING-NO", "JD0146"));
        assertTrue(shipment(c).isEmpty());
    }
}
