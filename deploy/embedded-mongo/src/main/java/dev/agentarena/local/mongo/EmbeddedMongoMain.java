package dev.agentarena.local.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

import java.net.InetSocketAddress;

/**
 * A MongoDB wire-compatible server (mongo-java-server, H2 backend) storing in one file.
 * Usage: {@code EmbeddedMongoMain <port> <file>}. Commits after every command, so an acknowledged write survives
 * a kill -9 of this process (the H2 store otherwise commits about once a second).
 */
public final class EmbeddedMongoMain {

    private EmbeddedMongoMain() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        CommittingH2Backend backend = new CommittingH2Backend(args[1]);
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", port));
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "mongo-shutdown"));
        System.out.println("embedded MongoDB listening on 127.0.0.1:" + port);
    }

    /**
     * Commits the store after every command, before the answer goes back to the client: an acknowledged write is
     * then in the file. A command that changed nothing costs only a check (the store has no unsaved changes).
     */
    static final class CommittingH2Backend extends H2Backend {

        CommittingH2Backend(String fileName) {
            super(fileName);
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            Document response = super.handleCommand(channel, databaseName, command, query);
            commit();
            return response;
        }
    }
}
