package io.anygate.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Name resolution for webhook targets; replaceable so that tests can play a DNS that lies. */
@FunctionalInterface
public interface HostResolver {

    /** The system resolver. */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /** Every address the name resolves to now. */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
