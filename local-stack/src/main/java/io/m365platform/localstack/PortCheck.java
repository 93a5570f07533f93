package io.m365platform.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds the configured ports that something else already listens on, before anything is started. */
final class PortCheck {

    private PortCheck() {
    }

    /** Sentences like "port 9092 (--kafka-port) is in use" for every busy port. */
    static List<String> busy(Map<String, Integer> portsByOption) {
        List<String> busy = new ArrayList<>();
        portsByOption.forEach((option, port) -> {
            if (!free(port)) {
                busy.add("port " + port + " (" + option + ") is in use");
            }
        });
        return busy;
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
