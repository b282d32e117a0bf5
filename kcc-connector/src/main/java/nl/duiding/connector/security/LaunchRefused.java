package nl.duiding.connector.security;

/** A launch link the sidebar will not open, with the Dutch reason the agent sees. */
public class LaunchRefused extends RuntimeException {

    public enum Reason {
        ONTBREEKT("De zijbalk is geopend zonder startlink. Open hem opnieuw vanuit het klantcontact in uw CRM."),
        ONGELDIG("Deze startlink is niet geldig: de handtekening klopt niet of de inhoud is onleesbaar. "
                + "Open de zijbalk opnieuw vanuit uw CRM."),
        VERLOPEN("Deze startlink is verlopen. Open de zijbalk opnieuw vanuit het klantcontact in uw CRM."),
        AL_GEBRUIKT("Deze startlink is al gebruikt. Een startlink werkt maar één keer; open de zijbalk opnieuw "
                + "vanuit uw CRM."),
        ONBEKENDE_GEMEENTE("Deze startlink hoort bij een gemeente die niet op deze koppeling is aangesloten.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public LaunchRefused(Reason reason, String why) {
        super(reason + ": " + why);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
