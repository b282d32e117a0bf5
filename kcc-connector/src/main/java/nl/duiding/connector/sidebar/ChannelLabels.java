package nl.duiding.connector.sidebar;

/** Dutch names of the channels as agents know them. */
final class ChannelLabels {

    private ChannelLabels() {
    }

    static String label(String channel) {
        return switch (channel == null ? "" : channel) {
            case "balie" -> "Balie";
            case "email" -> "E-mail";
            case "chat" -> "Chat";
            case "brief" -> "Brief";
            default -> "Telefoon";
        };
    }
}
