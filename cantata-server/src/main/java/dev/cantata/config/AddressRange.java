package dev.cantata.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An IP address or a CIDR block ({@code 10.0.0.1}, {@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}), written
 * literally: a name is refused rather than looked up, so a setting never waits on DNS or changes meaning with it.
 *
 * @param network the block's first address, in network byte order (4 or 16 bytes)
 * @param prefix how many leading bits an address must share with {@code network}
 */
public record AddressRange(byte[] network, int prefix) {
    public AddressRange {
        network = network.clone();
        if ((network.length != 4 && network.length != 16) || prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("not an address range: " + network.length + " bytes /" + prefix);
        }
    }

    /**
     * Parses {@code ADDRESS} or {@code ADDRESS/BITS}.
     *
     * @throws IllegalArgumentException when it is not an IP literal with a prefix that fits it
     */
    public static AddressRange parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        if (!address.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            throw new IllegalArgumentException("'" + value + "' is not an IP address or CIDR block such as 10.0.0.0/8");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress(); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + value + "' is not an IP address", e);
        }
        int bits = bytes.length * 8;
        if (slash >= 0) {
            String suffix = value.substring(slash + 1);
            if (!suffix.matches("\\d{1,3}") || Integer.parseInt(suffix) > bits) {
                throw new IllegalArgumentException("'" + value + "': the prefix must be 0 to " + bits);
            }
            bits = Integer.parseInt(suffix);
        }
        return new AddressRange(bytes, bits);
    }

    /** Whether {@code address} is in this block (an IPv4 address is never in an IPv6 block, and the other way round). */
    public boolean contains(InetAddress address) {
        byte[] other = address.getAddress();
        if (other.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((other[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof AddressRange r && r.prefix == prefix && Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // 4 or 16 bytes, checked above
        }
    }
}
