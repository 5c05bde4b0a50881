package io.anygate.anytime.cards;

import io.anygate.GatewayConfig;
import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;
import io.anygate.anytime.forms.ListFilters;
import io.anygate.anytime.transactions.CardTransaction;
import io.anygate.anytime.transactions.CardTransactionList;
import io.anygate.anytime.transactions.TransactionMapper;
import io.anygate.domain.AnytimeDates;
import io.anygate.domain.CardRef;
import io.anygate.domain.card.CardQueries;
import io.anygate.security.CurrentPartner;
import io.anygate.security.Functionality;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** {@code GET /v1.0/cards/{card_ref}/transactions} and {@code .../transactions/{txid}}: the card contract's trans. */
@Path("/v1.0/cards/{card_ref}/transactions")
@Produces(MediaType.APPLICATION_JSON)
public class CardTransactionsResource {

    @Inject
    CurrentPartner partner;
    @Inject
    CardQueries queries;
    @Inject
    GatewayConfig gateway;
    @Context
    UriInfo uri;

    @GET
    @Functionality("cards.transactions")
    public CardTransactionList list(@PathParam("card_ref") String cardRef) {
        CardRef ref = CardErrors.cardRef(cardRef);
        ListFilters filters = ListFilters.parseDated(CardParams.reader(null, uri.getQueryParameters()));
        ZoneId zone = gateway.txZone();
        LocalDateTime from = filters.startDay() == null ? null : AnytimeDates.txBeginOfDay(filters.startDay(), zone);
        LocalDateTime to = filters.endDay() == null ? null : AnytimeDates.txEndOfDay(filters.endDay(), zone);
        CardQueries.CardLines lines = queries.lines(partner.partnerId(), ref.txCardId(),
                from, to, filters.limitStart(), filters.limitNumber());
        TransactionMapper mapper = new TransactionMapper(zone);
        long contract = lines.card().owned().cardContractId();
        return new CardTransactionList(filters, ref.value(), lines.card().owned().accountId(), lines.total(),
                lines.lines().stream().map(l -> mapper.toCardTransaction(l.transaction(), contract, l.balanceAfter(),
                        l.comment())).toList());
    }

    @GET
    @Path("/{txid}")
    @Functionality("cards.transactions")
    public CardTransaction one(@PathParam("card_ref") String cardRef, @PathParam("txid") String txid) {
        CardRef ref = CardErrors.cardRef(cardRef);
        if (txid == null || !txid.matches("[1-9]\\d{0,17}")) {
            throw new AnytimeException(AnytimeError.CARD_INVALID_PARAMETER, "txid: must be a transaction id");
        }
        long id = Long.parseLong(txid);
        CardQueries.CardLine line = queries.line(partner.partnerId(), ref.txCardId(), id);
        long contract = queries.owned(partner.partnerId(), ref.txCardId()).cardContractId();
        return new TransactionMapper(gateway.txZone()).toCardTransaction(line.transaction(), contract,
                line.balanceAfter(), line.comment());
    }
}
