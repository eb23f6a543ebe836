package dev.agentarena.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The browser the tests drive: Debian's {@code chromium} package. When it is missing the tests install it
 * ({@code apt-get install -y chromium}, as root or through password-less sudo), so that the test command works on a
 * fresh machine; where that is impossible they fail with a message saying what to install. Never skipped.
 * {@code -Darena.chromium=/path/to/chromium} points at another build.
 */
final class Chromium {

    static final String PACKAGE = "chromium";
    private static final Path DEFAULT = Path.of("/usr/bin/chromium");
    private static final long INSTALL_MINUTES = 15;

    private Chromium() {
    }

    /** The browser's executable, installed first when missing. */
    static synchronized Path executable() {
        String configured = System.getProperty("arena.chromium");
        Path path = configured != null ? Path.of(configured) : DEFAULT;
        if (Files.isExecutable(path)) {
            return path;
        }
        if (configured != null) {
            throw new IllegalStateException("arena.chromium=" + configured + " is not an executable file");
        }
        install();
        if (!Files.isExecutable(path)) {
            throw missing("apt-get ran, but " + path + " is still missing");
        }
        return path;
    }

    private static void install() {
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            throw missing("this machine has no apt-get");
        }
        List<String> prefix = new ArrayList<>();
        if (!isRoot()) {
            if (!succeeds(List.of("sudo", "-n", "true"))) {
                throw missing("the tests are not root and cannot use sudo without a password");
            }
            prefix.add("sudo");
        }
        System.out.println("[browser-tests] " + DEFAULT + " is missing: installing Debian's package " + PACKAGE + " …");
        List<String> install = new ArrayList<>(prefix);
        install.addAll(List.of("apt-get", "install", "-y", "--no-install-recommends", PACKAGE));
        if (!succeeds(install)) {
            // A fresh machine may have no package lists yet.
            List<String> update = new ArrayList<>(prefix);
            update.addAll(List.of("apt-get", "update"));
            if (!succeeds(update) || !succeeds(install)) {
                throw missing(String.join(" ", install) + " failed (its output is above)");
            }
        }
    }

    private static IllegalStateException missing(String why) {
        return new IllegalStateException("The browser tests need Chromium at " + DEFAULT + " and " + why
                + ". Install Debian's package '" + PACKAGE + "' (sudo apt-get install " + PACKAGE
                + "), or run the tests with -Darena.chromium=<path to a Chromium executable>.");
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean succeeds(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            if (!process.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
