package io.anygate.anytime.batch;

import com.fasterxml.jackson.databind.util.RawValue;
import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;
import io.anygate.anytime.Envelopes;
import io.anygate.anytime.IdempotencyKey;
import io.anygate.anytime.IdempotentAnswers;
import io.anygate.anytime.forms.FormReader;
import io.anygate.anytime.batch.MultiRequestAnswer.SubRequestAnswer;
import io.anygate.anytime.forms.MultiRequestForm;
import io.anygate.anytime.forms.MultiRequestForm.SubRequest;
import io.anygate.RequestTrace;
import io.anygate.security.CurrentPartner;
import io.anygate.security.Functionality;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * {@code POST /v1.0/multi-request} (the SDK's {@code requestMultiRequest()}): up to 20 sub-requests, authenticated
 * once with the batch's token and validation data, each then run as the same partner through the path of a direct
 * call ({@link SubRequestDispatcher}) and answered in its slot, in index order: {@code body.responses[i]} =
 * {@code {method, uri, params, query_string, http_status_code, response}}, {@code response} being the sub-request's
 * complete envelope. One failing sub-request does not stop the others. Malformed batch (no sub-request, more than
 * 20, a method other than GET/POST/PUT): 400 4000310 as a whole. A multi-request inside a batch: 404 4040010 in its
 * slot.
 */
@Path("/v1.0/multi-request")
@Produces(MediaType.APPLICATION_JSON)
public class MultiRequestResource {

    @Inject
    CurrentPartner partner;
    @Inject
    RequestTrace trace;
    @Inject
    Envelopes envelopes;
    @Inject
    IdempotencyKey idempotencyKey;
    @Inject
    IdempotentAnswers idempotentAnswers;
    @Inject
    SubRequestDispatcher dispatcher;

    // @Blocking: the edge filters read the store on a worker; the worker is free again once the Uni is returned.
    // @Cancellable(false): a batch whose caller leaves runs to its end, as a direct call does, and its answer is
    // written (kept for its Idempotency-Key); cancelled, its key stayed claimed, 409 to every retry until the lease.
    @POST
    @Blocking
    @Cancellable(false)
    @Functionality("multi-request")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Uni<RestResponse<MultiRequestAnswer>> multiRequest(MultivaluedMap<String, String> form,
            @Context HttpServerRequest http) {
        if (partner.subRequest().isPresent()) {
            throw new AnytimeException(AnytimeError.INVALID_ROUTE, "Invalid route: a multi-request cannot hold another");
        }
        List<SubRequest> subs = MultiRequestForm.parse(FormReader.firstValues(form),
                FormReader.of(Map.of(), AnytimeError.CARD_INVALID_PARAMETER));
        // taken now so that the sub-requests' access lines can name the batch's request_id
        long requestId = envelopes.nextRequestId();
        trace.requestId(requestId);
        SubRequestDispatcher.Batch batch = new SubRequestDispatcher.Batch(partner.partnerId(), partner.username(),
                partner.clientAddress().orElseThrow(), partner.tokenHash().orElseThrow(), requestId,
                idempotencyKey.value(), idempotentAnswers.claimRenewal(), http.localAddress().port(),
                Vertx.currentContext());
        return dispatcher.run(batch, subs).map(slots -> answer(subs, slots));
    }

    /**
     * The batch answer; marked no-store (never kept for an Idempotency-Key replay) when a slot must not be, or when a
     * slot echoes a CVC (a PIN request's {@code cvc}, whatever its answer: a CVC must never reach the store).
     */
    static RestResponse<MultiRequestAnswer> answer(List<SubRequest> subs, List<SubRequestDispatcher.Slot> slots) {
        List<SubRequestAnswer> responses = new ArrayList<>(subs.size());
        for (int i = 0; i < subs.size(); i++) {
            SubRequest sub = subs.get(i);
            SubRequestDispatcher.Slot slot = slots.get(i);
            responses.add(new SubRequestAnswer(sub.method(), sub.uri(), sub.params(), sub.queryString(), slot.status(),
                    new RawValue(slot.envelope())));
        }
        RestResponse.ResponseBuilder<MultiRequestAnswer> ok =
                RestResponse.ResponseBuilder.ok(new MultiRequestAnswer(responses));
        if (slots.stream().anyMatch(slot -> !slot.replayable())
                || subs.stream().anyMatch(MultiRequestResource::echoesCvc)) {
            ok.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return ok.build();
    }

    /** True when the echo of this sub-request (uri, query_string, params) names a {@code cvc}, escapes decoded. */
    static boolean echoesCvc(SubRequest sub) {
        StringBuilder echoed = new StringBuilder(sub.uri()).append('&').append(sub.queryString());
        sub.params().keySet().forEach(name -> echoed.append('&').append(name));
        String text = echoed.toString();
        StringBuilder decoded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int hi = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
            if (c == '%' && lo >= 0) {
                decoded.append((char) (hi * 16 + lo));
                i += 2;
            } else {
                decoded.append(c);
            }
        }
        return decoded.toString().toLowerCase(Locale.ROOT).contains("cvc");
    }
}
