package nl.duiding.connector.klantinteracties;

/** A call to the CRM that did not give a usable answer; the kind decides what the adapter reports. */
class CrmFailure extends RuntimeException {

    enum Kind {
        /** 401/403: the token is wrong or lacks rights; retrying will not help. */
        TOKEN_GEWEIGERD,
        /** 404: wrong base URL or the record is gone. */
        NIET_GEVONDEN,
        /** 429, 5xx or no answer in time, still after the retries. */
        NIET_BESCHIKBAAR,
        /** 2xx whose body is not the JSON the spec promises. */
        ONGELDIG_ANTWOORD,
        /** A next link that leads back, or off the CRM, or past the page limit. */
        PAGINERING
    }

    private final Kind kind;

    CrmFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    CrmFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
