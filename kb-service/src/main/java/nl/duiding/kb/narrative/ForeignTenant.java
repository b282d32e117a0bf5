package nl.duiding.kb.narrative;

/** An editor tried to change a narrative of another tenant than their own. */
public class ForeignTenant extends RuntimeException {

    private final transient TenantCode own;

    public ForeignTenant(TenantCode own, TenantCode other) {
        super("A user of " + own + " cannot change narratives of " + other);
        this.own = own;
    }

    public TenantCode own() {
        return own;
    }
}
