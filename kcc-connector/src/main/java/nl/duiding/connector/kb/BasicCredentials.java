package nl.duiding.connector.kb;

import feign.RequestTemplate;
import feign.auth.BasicAuthRequestInterceptor;

/** HTTP Basic with the local user {@code connector}: the {@code local} profile only (production refuses it). */
final class BasicCredentials implements KbCredentials {

    private final String username;
    private final BasicAuthRequestInterceptor basic;

    BasicCredentials(String username, String password) {
        this.username = username;
        this.basic = new BasicAuthRequestInterceptor(username, password);
    }

    @Override
    public void apply(RequestTemplate template) {
        basic.apply(template);
    }

    @Override
    public String describe() {
        return "HTTP Basic as local user '" + username + "'";
    }
}
