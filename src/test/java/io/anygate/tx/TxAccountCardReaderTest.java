package io.anygate.tx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.anygate.domain.account.AccountCardReader;
import io.anygate.domain.card.OwnedCard;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An account's cards are read several at a time and answered in the page's order; one TX lacks is left empty. */
@QuarkusTest
@TestProfile(TxStubProfile.class)
class TxAccountCardReaderTest {

    @Inject
    AccountCardReader reader;

    @InjectTxStub
    WireMockServer tx;

    @BeforeEach
    void reset() {
        tx.resetAll();
    }

    @Test
    void aPageOfCardsComesBackInOrderWithTheCardTxDoesNotKnowLeftEmpty() {
        int cards = TxAccountCardReader.PARALLEL_CARDS + 3; // more than one batch
        for (long id = 1; id <= cards; id++) {
            tx.stubFor(get(urlPathEqualTo("/tx/v1/card")).withQueryParam("ref[id]", equalTo(String.valueOf(id)))
                    .willReturn(id == 5 ? aResponse().withStatus(404)
                            : okJson("{\"ref\":{\"id\":" + id + "},\"status\":\"Active\",\"holder\":{\"id\":" + (100 + id)
                                    + "}}")));
            tx.stubFor(get(urlPathEqualTo("/tx/v1/contract"))
                    .withQueryParam("ref[id]", equalTo(String.valueOf(1000 + id)))
                    .willReturn(okJson("{\"ref\":{\"id\":" + (1000 + id) + "},\"details\":{\"balances\":{\"available\":"
                            + id + ".50}}}")));
            tx.stubFor(get(urlPathEqualTo("/tx/v1/subject")).withQueryParam("ref[id]", equalTo(String.valueOf(100 + id)))
                    .willReturn(okJson("{\"ref\":{\"id\":" + (100 + id) + "},\"details\":{\"firstName\":\"H" + id
                            + "\",\"lastName\":\"Holder\"}}")));
        }
        List<OwnedCard> owned = LongStream.rangeClosed(1, cards)
                .mapToObj(id -> new OwnedCard(id, "partner-a", 7, 1000 + id, "EUR", true)).toList();

        List<Optional<AccountCardReader.CardWithBalance>> read = reader.readAll(owned);

        assertEquals(cards, read.size());
        for (int i = 0; i < cards; i++) {
            long id = i + 1;
            if (id == 5) {
                assertTrue(read.get(i).isEmpty(), "card 5 is unknown to TX");
                continue;
            }
            AccountCardReader.CardWithBalance c = read.get(i).orElseThrow();
            assertEquals(new BigDecimal(id + ".50"), c.balance(), "balance of card " + id);
            assertEquals("H" + id, c.card().holder().firstName(), "holder of card " + id);
        }
    }
}
