package vn.trean.identity.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The client address a sign-in is counted against. The server sees the proxy's client address only
 * when the proxy is trusted ({@code server.tomcat.remoteip.internal-proxies}); a forged
 * X-Forwarded-For from anyone else is ignored. An IPv6 client is counted by its /64 network, which
 * one household or one attacker usually holds whole.
 */
final class ClientAddresses {

    private ClientAddresses() {
    }

    static String of(Authentication attempt) {
        if (attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            return key(details.getRemoteAddress());
        }
        return "unknown";
    }

    static String key(String address) {
        if (!address.contains(":")) {
            return address;
        }
        try {
            // a literal: getByName does not look anything up
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length == 16) {
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }
}
