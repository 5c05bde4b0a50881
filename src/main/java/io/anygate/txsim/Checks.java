package io.anygate.txsim;

/** Status checks shared by transfers, reversals and object writes, each mapped to its decline code. */
final class Checks {

    private Checks() {
    }

    static Declined card(SimCard card) {
        if (card == null) {
            return null;
        }
        String status = card.status;
        return switch (status) {
            case SimCard.ACTIVE -> null;
            case SimCard.INACTIVE -> new Declined(Declined.CARD_NOT_ACTIVE, "card not activated");
            case SimCard.CLOSED -> new Declined(Declined.CARD_CLOSED, "card closed");
            default -> new Declined(Declined.CARD_BLOCKED, "card " + status.toLowerCase());
        };
    }

    static Declined contract(SimContract c) {
        if (SimContract.CLOSED.equals(c.status)) {
            return new Declined(Declined.CONTRACT_CLOSED, "contract " + c.id + " closed");
        }
        if (!SimContract.ACTIVE.equals(c.status)) {
            return new Declined(Declined.CONTRACT_NOT_ACTIVE, "contract " + c.id + " not active");
        }
        return null;
    }

    static Catalogue.ContractType type(SimContract c) {
        return Catalogue.contractType(null, c.typeRid, "type");
    }
}
