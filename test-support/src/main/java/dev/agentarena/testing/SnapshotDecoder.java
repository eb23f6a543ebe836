package dev.agentarena.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the engine's binary snapshot frames (docs/protocol.md, "Snapshot frames") independently of the engine's
 * encoder, keeping the state they build up, and renders that state as JSON in the shape the old {@code state}
 * message had ({@code {"type":"state","world":{...}}}), so tests can read the stream as before.
 * One decoder per connection: a delta applies only to the frame before it on the same connection.
 */
public final class SnapshotDecoder {

    public static final int KEYFRAME = 1;
    public static final int DELTA = 2;
    private static final double STEPS = 4;
    private static final int HEADING_STEPS = 64;
    /** Position steps per keyframe step (keyframes place agents to 2 units). */
    private static final int KEYFRAME_STEP = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One agent as decoded; positions and displacements in 1/4 units. */
    public static final class Agent {
        public long id;
        public int slot;
        public int team;
        public long x;
        public long y;
        public long vx;
        public long vy;
        public double heading;
        public long health;
        public int state;
        public int behavior;
        public boolean alive;
        public boolean spawnProtected;
        public long kills;
        public long deaths;

        public double worldX() { return x / STEPS; }
        public double worldY() { return y / STEPS; }
    }

    /** A team's line of a frame. */
    public record Team(long agents, long alive, long kills, long deaths, long damage, long roundsWon, int behavior,
                       long outside) {
    }

    /** A death carried by a frame. */
    public record Kill(long tick, long victim, int victimTeam, long killer, int killerTeam, double lifetime) {
    }

    private final TreeMap<Integer, Agent> agents = new TreeMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<String> teamNames = new ArrayList<>();
    private final List<String> teamColors = new ArrayList<>();
    private final List<long[]> walls = new ArrayList<>();
    private final List<Kill> kills = new ArrayList<>();
    private final List<long[]> rounds = new ArrayList<>();
    private Team[] teams = new Team[0];
    private String worldId;
    private int staticVersion = -1;
    private long ticksPerSecond;
    private long width;
    private long height;
    private long radius;
    private long maxHealth;
    private long[] zones = new long[4];
    private int seq = -1;
    private int kind;
    private boolean viewport;
    private boolean velocityKnown;
    private boolean keyframeBaseline;
    private boolean running;
    private long tick;
    private long round;
    private long roundTimeLeft;
    private long capturedAt;
    private int frameBytes;

    /** Applies one frame. Throws {@link IllegalStateException} for a delta against a frame this decoder lacks. */
    public void decode(byte[] frame) {
        Reader in = new Reader(frame);
        int frameKind = in.u8();
        int flags = in.u8();
        int frameSeq = (int) in.varint();
        if (frameKind == DELTA) {
            int base = (int) in.varint();
            if (base != seq) {
                throw new IllegalStateException("delta against frame " + base + " but this decoder has " + seq);
            }
        } else if (frameKind != KEYFRAME) {
            throw new IllegalStateException("unknown frame kind " + frameKind);
        }
        int gap = frameSeq - seq;
        kind = frameKind;
        seq = frameSeq;
        frameBytes = frame.length;
        running = (flags & 1) != 0;
        viewport = (flags & 2) != 0;
        boolean predictWithVelocity = (flags & 4) != 0;
        boolean hasRounds = (flags & 8) != 0;
        boolean coarseBaseline = (flags & 16) != 0;
        tick = in.varint();
        round = in.varint();
        roundTimeLeft = in.varint();
        capturedAt = in.varint();
        if (frameKind == KEYFRAME) {
            readStatic(in);
        } else {
            long added = in.varint();
            for (int i = 0; i < added; i++) {
                names.add(in.string());
            }
        }
        readTeams(in);
        readKills(in);
        if (hasRounds) {
            rounds.clear();
            long count = in.varint();
            for (int i = 0; i < count; i++) {
                rounds.add(new long[] {in.varint(), in.u8() - 1, in.varint()});
            }
        }
        if (frameKind == KEYFRAME) {
            readKeyframeAgents(in);
            velocityKnown = false;
            keyframeBaseline = true;
        } else {
            if (predictWithVelocity != velocityKnown || coarseBaseline != keyframeBaseline) {
                throw new IllegalStateException("the delta's prediction (flags " + flags + ") does not match this "
                        + "decoder's baseline (displacements known " + velocityKnown + ", keyframe " + keyframeBaseline + ")");
            }
            readDeltaAgents(in, gap, predictWithVelocity);
            velocityKnown = gap == 1 && !keyframeBaseline;
            keyframeBaseline = false;
        }
    }

    private void readStatic(Reader in) {
        worldId = in.string();
        staticVersion = (int) in.varint();
        ticksPerSecond = in.varint();
        width = in.varint();
        height = in.varint();
        radius = in.varint();
        maxHealth = in.varint();
        zones = new long[] {in.varint(), in.varint(), in.varint(), in.varint()};
        int teamCount = in.u8();
        teamNames.clear();
        teamColors.clear();
        for (int t = 0; t < teamCount; t++) {
            teamNames.add(in.string());
            teamColors.add(in.string());
        }
        names.clear();
        long nameCount = in.varint();
        for (int i = 0; i < nameCount; i++) {
            names.add(in.string());
        }
        walls.clear();
        long wallCount = in.varint();
        int yBits = bitsFor(height / (long) STEPS);
        long x = 0;
        for (int i = 0; i < wallCount; i++) {
            x += in.expGolomb(5);
            long y = in.bits(yBits);
            long w = in.expGolomb(4);
            long h = in.bit() ? w : in.expGolomb(4);
            walls.add(new long[] {x, y, w, h});
        }
        in.align();
    }

    private void readTeams(Reader in) {
        int count = in.u8();
        teams = new Team[count];
        for (int t = 0; t < count; t++) {
            long agentsOfTeam = in.varint();
            long alive = in.varint();
            long teamKills = in.varint();
            long teamDeaths = in.varint();
            long damage = in.varint();
            long won = in.varint();
            int behavior = (int) in.varint();
            long outside = viewport ? in.varint() : 0;
            teams[t] = new Team(agentsOfTeam, alive, teamKills, teamDeaths, damage, won, behavior, outside);
        }
    }

    private void readKills(Reader in) {
        kills.clear();
        long count = in.varint();
        for (int i = 0; i < count; i++) {
            long ago = in.varint();
            long victim = in.varint();
            int victimTeam = in.u8();
            long killer = in.varint();
            int killerTeam = in.u8() - 1;
            long lifetime = in.varint();
            kills.add(new Kill(tick - ago, victim, victimTeam, killer, killerTeam, lifetime / 10.0));
        }
    }

    private void readKeyframeAgents(Reader in) {
        agents.clear();
        long count = in.varint();
        Agent previous = new Agent();
        previous.slot = -1;
        for (int i = 0; i < count; i++) {
            previous = readFull(in, previous, false);
            agents.put(previous.slot, previous);
        }
    }

    private void readDeltaAgents(Reader in, int gap, boolean predict) {
        long removed = in.varint();
        long added = in.varint();
        int k = in.u8();
        int nameBits = bitsFor(names.size() - 1);
        int slot = -1;
        for (int i = 0; i < removed; i++) {
            slot += (int) in.expGolomb(2) + 1;
            if (agents.remove(slot) == null) {
                throw new IllegalStateException("removal of slot " + slot + ", which this decoder does not hold");
            }
        }
        for (Agent agent : agents.values()) {
            long px = predict ? agent.x + agent.vx * gap : agent.x;
            long py = predict ? agent.y + agent.vy * gap : agent.y;
            long x = px + unzigzag(in.expGolomb(k));
            long y = py + unzigzag(in.expGolomb(k));
            boolean wasAlive = agent.alive;
            if (in.bit()) {
                boolean health = in.bit();
                boolean state = in.bit();
                boolean behavior = in.bit();
                boolean flags = in.bit();
                boolean stats = in.bit();
                if (health) {
                    agent.health += unzigzag(in.expGolomb(3));
                }
                if (state) {
                    agent.state = (int) in.bits(nameBits);
                }
                if (behavior) {
                    agent.behavior = (int) in.bits(nameBits);
                }
                if (flags) {
                    agent.alive = in.bit();
                    agent.spawnProtected = in.bit();
                }
                if (stats) {
                    agent.kills += unzigzag(in.expGolomb(0));
                    agent.deaths += unzigzag(in.expGolomb(0));
                }
            }
            boolean moved = wasAlive && agent.alive;
            agent.vx = moved ? x - agent.x : 0;
            agent.vy = moved ? y - agent.y : 0;
            if (x != agent.x || y != agent.y) {
                agent.heading = Math.atan2(y - agent.y, x - agent.x);
            }
            agent.x = x;
            agent.y = y;
        }
        Agent previous = new Agent();
        previous.slot = -1;
        for (int i = 0; i < added; i++) {
            previous = readFull(in, previous, true);
            agents.put(previous.slot, previous);
        }
    }

    private Agent readFull(Reader in, Agent previous, boolean inDelta) {
        int nameBits = bitsFor(names.size() - 1);
        Agent a = new Agent();
        if (in.bit()) {
            a.slot = previous.slot + 1;
            a.id = previous.id + 1;
            a.team = previous.team;
        } else {
            a.slot = previous.slot + 1 + (int) in.expGolomb(0);
            a.id = previous.id + 1 + unzigzag(in.expGolomb(0));
            a.team = (int) in.bits(bitsFor(teamNames.size() - 1));
        }
        if (inDelta) {
            a.x = in.bits(bitsFor(width));
            a.y = in.bits(bitsFor(height));
        } else {
            a.x = in.bits(bitsFor(keyframeSteps(width))) * KEYFRAME_STEP;
            a.y = in.bits(bitsFor(keyframeSteps(height))) * KEYFRAME_STEP;
        }
        long heading = in.bits(6);
        a.heading = heading * 2 * Math.PI / HEADING_STEPS;
        if (a.heading > Math.PI) {
            a.heading -= 2 * Math.PI;
        }
        a.alive = in.bit();
        a.spawnProtected = in.bit();
        if (!in.bit()) {
            a.health = in.bits(bitsFor(maxHealth - 1));
        } else {
            a.health = in.bit() ? maxHealth : in.expGolomb(4);
        }
        a.state = (int) in.bits(nameBits);
        a.behavior = in.bit() ? teams[a.team].behavior() : (int) in.bits(nameBits);
        if (in.bit()) {
            a.kills = in.expGolomb(0);
            a.deaths = in.expGolomb(0);
        }
        if (inDelta) {
            a.vx = unzigzag(in.expGolomb(2));
            a.vy = unzigzag(in.expGolomb(2));
        }
        return a;
    }

    public int kind() { return kind; }
    public int seq() { return seq; }
    public long tick() { return tick; }
    public int frameBytes() { return frameBytes; }
    public int staticVersion() { return staticVersion; }
    public boolean viewport() { return viewport; }
    public Map<Integer, Agent> agentsBySlot() { return agents; }
    public Team team(int t) { return teams[t]; }
    public List<Kill> kills() { return List.copyOf(kills); }
    public String name(int index) { return names.get(index); }

    /** The decoded state in the shape of the former JSON {@code state} message. */
    public JsonNode toStateMessage() {
        ObjectNode message = JSON.createObjectNode();
        message.put("type", "state");
        message.put("frame", kind == KEYFRAME ? "keyframe" : "delta");
        message.put("seq", seq);
        message.put("bytes", frameBytes);
        ObjectNode world = message.putObject("world");
        world.put("worldId", worldId);
        world.put("tick", tick);
        world.put("time", ticksPerSecond == 0 ? 0 : (double) tick / ticksPerSecond);
        world.put("running", running);
        world.put("round", round);
        world.put("roundTimeLeft", roundTimeLeft == 0 ? -1 : (roundTimeLeft - 1) / 10.0);
        world.put("capturedAt", capturedAt);
        world.put("width", width / STEPS);
        world.put("height", height / STEPS);
        world.put("viewport", viewport);
        ArrayNode wallList = world.putArray("walls");
        for (long[] w : walls) {
            wallList.addObject().put("x", w[0]).put("y", w[1]).put("width", w[2]).put("height", w[3]);
        }
        ArrayNode agentList = world.putArray("agents");
        for (Agent a : agents.values()) {
            agentList.addObject().put("id", a.id).put("team", a.team).put("x", a.worldX()).put("y", a.worldY())
                    .put("heading", a.heading).put("health", a.health).put("maxHealth", maxHealth)
                    .put("radius", radius / STEPS).put("behavior", names.get(a.behavior))
                    .put("state", names.get(a.state)).put("alive", a.alive).put("spawnProtected", a.spawnProtected)
                    .put("kills", a.kills).put("deaths", a.deaths);
        }
        ArrayNode teamList = world.putArray("teams");
        for (int t = 0; t < teams.length; t++) {
            Team team = teams[t];
            teamList.addObject().put("team", t).put("name", teamNames.get(t)).put("color", teamColors.get(t))
                    .put("agents", team.agents()).put("alive", team.alive()).put("kills", team.kills())
                    .put("deaths", team.deaths()).put("damageDealt", team.damage()).put("roundsWon", team.roundsWon())
                    .put("behavior", names.get(team.behavior())).put("outside", team.outside());
        }
        ArrayNode events = world.putArray("events");
        for (Kill k : kills) {
            events.addObject().put("tick", k.tick()).put("victimId", k.victim()).put("victimTeam", k.victimTeam())
                    .put("killerId", k.killer()).put("killerTeam", k.killerTeam()).put("lifetime", k.lifetime());
        }
        ArrayNode roundList = world.putArray("rounds");
        for (long[] r : rounds) {
            roundList.addObject().put("round", r[0]).put("winner", r[1]).put("endTick", r[2]);
        }
        return message;
    }

    private static long keyframeSteps(long steps) {
        return (steps + KEYFRAME_STEP / 2) / KEYFRAME_STEP;
    }

    static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    static int bitsFor(long max) {
        return max <= 0 ? 0 : 64 - Long.numberOfLeadingZeros(max);
    }

    /** Byte-aligned reads (u8, varint, string) and bit reads, most significant bit first, over one frame. */
    private static final class Reader {
        private final byte[] data;
        private int position;
        private int bitsLeft;
        private int current;

        Reader(byte[] data) {
            this.data = data;
        }

        int u8() {
            align();
            return data[position++] & 0xFF;
        }

        long varint() {
            align();
            long value = 0;
            int shift = 0;
            while (true) {
                int b = data[position++] & 0xFF;
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
                shift += 7;
            }
        }

        String string() {
            int length = (int) varint();
            String value = new String(data, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }

        boolean bit() {
            if (bitsLeft == 0) {
                current = data[position++] & 0xFF;
                bitsLeft = 8;
            }
            bitsLeft--;
            return ((current >>> bitsLeft) & 1) != 0;
        }

        long bits(int count) {
            long value = 0;
            for (int i = 0; i < count; i++) {
                value = (value << 1) | (bit() ? 1 : 0);
            }
            return value;
        }

        long expGolomb(int k) {
            int zeros = 0;
            while (!bit()) {
                zeros++;
            }
            long m = 1;
            for (int i = 0; i < zeros + k; i++) {
                m = (m << 1) | (bit() ? 1 : 0);
            }
            return m - (1L << k);
        }

        /** Drops the rest of a partly read byte: the byte-aligned part continues at the next byte. */
        void align() {
            bitsLeft = 0;
        }
    }
}
