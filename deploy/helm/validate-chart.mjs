// Offline proof of the chart (issue 14): helm lint and helm template with the defaults and with every flag on,
// every rendered object validated against the Kubernetes (and Prometheus Operator) schemas, then assertions on
// what a cluster would run. Run by validate-chart.sh, which installs helm and the npm packages when missing.
//   node validate-chart.mjs <helm binary> <chart dir> <repository root> <npm prefix holding yaml and kubernetes-models>
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [helm, chart, repo, tools] = process.argv.slice(2);
// The npm packages live in the cache outside the repository, so they are resolved from there.
const requireTool = createRequire(join(tools, "package.json"));
const { parseAllDocuments, parse: parseYaml } = await import(pathToFileURL(requireTool.resolve("yaml")).href);
// The model packages export import-only subpaths; their files are loaded directly.
const loadModel = (path) => import(pathToFileURL(join(tools, "node_modules", `${path}.js`)).href);
const failures = [];
let checks = 0;
const check = (ok, what) => {
  checks++;
  if (!ok) failures.push(what);
  return ok;
};

function run(args) {
  return execFileSync(helm, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function render(name, args) {
  run(["lint", "--strict", chart, ...args]);
  const text = run(["template", "arena", chart, "--namespace", "games", ...args]);
  const objects = parseAllDocuments(text).map((d) => d.toJSON()).filter((o) => o);
  return { name, objects };
}

// ---- schemas ---------------------------------------------------------------------------------------------------
async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const path = group === "monitoring.coreos.com"
    ? `@kubernetes-models/prometheus-operator/${group}/${version}/${kind}`
    : `kubernetes-models/${group ? group + "/" : ""}${version}/${kind}`;
  const module = await loadModel(path);
  return module[kind];
}

async function validateSchemas({ name, objects }) {
  for (const o of objects) {
    const id = `${name}: ${o.kind}/${o.metadata?.name}`;
    let Model;
    try {
      Model = await modelFor(o.apiVersion, o.kind);
    } catch (e) {
      check(false, `${id}: no schema for ${o.apiVersion} ${o.kind}`);
      continue;
    }
    try {
      new Model(o).validate();
      check(true, id);
    } catch (e) {
      check(false, `${id} does not match the ${o.apiVersion} ${o.kind} schema: ${e.message}`);
    }
  }
}

// ---- helpers ---------------------------------------------------------------------------------------------------
const podSpecOf = (o) => o.kind === "Pod" ? o.spec : o.spec?.jobTemplate?.spec?.template?.spec ?? o.spec?.template?.spec;
const podLabelsOf = (o) => o.kind === "Pod" ? o.metadata.labels : o.spec?.template?.metadata?.labels;
const workloads = (objects) => objects.filter((o) => ["Deployment", "StatefulSet", "Job", "Pod"].includes(o.kind));
const longRunning = (objects) => objects.filter((o) => ["Deployment", "StatefulSet"].includes(o.kind));
const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
const selects = (selector, labels) => matches(selector.matchLabels, labels)
  && (selector.matchExpressions ?? []).every((e) => e.operator === "In" ? e.values.includes(labels?.[e.key]) : true);
const find = (objects, kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);
const QUARKUS = ["game-engine", "persistence-service", "llm-gateway"];
const LABELS = ["app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/component",
  "app.kubernetes.io/managed-by", "app.kubernetes.io/part-of", "app.kubernetes.io/version", "helm.sh/chart"];

function assertContainers({ name, objects }) {
  for (const w of workloads(objects)) {
    const id = `${name}: ${w.kind}/${w.metadata.name}`;
    const pod = podSpecOf(w);
    check(pod.securityContext?.runAsNonRoot === true, `${id}: pod runAsNonRoot`);
    check(pod.securityContext?.seccompProfile?.type === "RuntimeDefault", `${id}: pod seccomp RuntimeDefault`);
    check(pod.automountServiceAccountToken === false, `${id}: no service account token mounted`);
    for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
      const cid = `${id} container ${c.name}`;
      const sc = c.securityContext ?? {};
      check(sc.readOnlyRootFilesystem === true, `${cid}: read-only root filesystem`);
      check(sc.runAsNonRoot === true, `${cid}: runAsNonRoot`);
      check(sc.allowPrivilegeEscalation === false, `${cid}: no privilege escalation`);
      check((sc.capabilities?.drop ?? []).includes("ALL"), `${cid}: all capabilities dropped`);
      check(sc.seccompProfile?.type === "RuntimeDefault", `${cid}: seccomp RuntimeDefault`);
      for (const kind of ["requests", "limits"]) {
        check(c.resources?.[kind]?.cpu && c.resources?.[kind]?.memory, `${cid}: cpu and memory ${kind}`);
      }
      if (w.kind !== "Pod") {
        const mounts = new Set((c.volumeMounts ?? []).map((m) => m.mountPath));
        check(mounts.has("/tmp"), `${cid}: a writable /tmp despite the read-only root`);
      }
      if (["Deployment", "StatefulSet"].includes(w.kind)) {
        for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
          check(c[probe], `${cid}: ${probe}`);
        }
      }
      const component = podLabelsOf(w)?.["app.kubernetes.io/component"];
      if (QUARKUS.includes(component) && w.kind === "Deployment") {
        check(c.startupProbe?.httpGet?.path === "/q/health/started", `${cid}: startup probe on /q/health/started`);
        check(c.livenessProbe?.httpGet?.path === "/q/health/live", `${cid}: liveness probe on /q/health/live`);
        check(c.readinessProbe?.httpGet?.path === "/q/health/ready", `${cid}: readiness probe on /q/health/ready`);
        for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
          const port = c[probe]?.httpGet?.port;
          check((c.ports ?? []).some((p) => p.name === port || p.containerPort === port), `${cid}: ${probe} port ${port} exists`);
        }
      }
    }
  }
}

function assertLabelsAndSelectors({ name, objects }) {
  for (const o of objects) {
    const labels = o.metadata.labels ?? {};
    check(LABELS.every((l) => labels[l]), `${name}: ${o.kind}/${o.metadata.name} carries every app.kubernetes.io label`);
    check(labels["app.kubernetes.io/instance"] === "arena", `${name}: ${o.kind}/${o.metadata.name} instance label`);
  }
  for (const w of objects.filter((o) => ["Deployment", "StatefulSet"].includes(o.kind))) {
    const id = `${name}: ${w.kind}/${w.metadata.name}`;
    check(Object.keys(w.spec.selector.matchLabels ?? {}).length >= 3, `${id}: selector by name, instance and component`);
    check(selects(w.spec.selector, w.spec.template.metadata.labels), `${id}: selector matches its own pods`);
    const others = longRunning(objects).filter((x) => x !== w && selects(w.spec.selector, x.spec.template.metadata.labels));
    check(others.length === 0, `${id}: selector matches no other workload's pods`);
    if (w.kind === "StatefulSet") check(find(objects, "Service", w.spec.serviceName), `${id}: governing Service exists`);
    const pod = podSpecOf(w);
    if (pod.serviceAccountName) check(find(objects, "ServiceAccount", pod.serviceAccountName), `${id}: its ServiceAccount exists`);
    for (const c of pod.containers) {
      for (const from of c.envFrom ?? []) {
        if (from.configMapRef) check(find(objects, "ConfigMap", from.configMapRef.name), `${id}: ConfigMap ${from.configMapRef.name} exists`);
      }
    }
    for (const v of pod.volumes ?? []) {
      if (v.configMap) check(find(objects, "ConfigMap", v.configMap.name), `${id}: volume ConfigMap ${v.configMap.name} exists`);
    }
  }
  for (const s of objects.filter((o) => o.kind === "Service")) {
    const id = `${name}: Service/${s.metadata.name}`;
    const pods = longRunning(objects).filter((w) => matches(s.spec.selector, w.spec.template.metadata.labels));
    if (!check(pods.length === 1, `${id}: selects the pods of exactly one workload (found ${pods.length})`)) continue;
    const ports = podSpecOf(pods[0]).containers.flatMap((c) => c.ports ?? []);
    for (const p of s.spec.ports) {
      check(ports.some((cp) => cp.name === p.targetPort || cp.containerPort === p.targetPort),
        `${id}: port ${p.name} targets a real container port (${p.targetPort})`);
    }
  }
  for (const p of objects.filter((o) => ["PodDisruptionBudget", "NetworkPolicy"].includes(o.kind))) {
    const selector = p.kind === "NetworkPolicy" ? p.spec.podSelector : p.spec.selector;
    check(longRunning(objects).filter((w) => selects(selector, w.spec.template.metadata.labels)).length === 1,
      `${name}: ${p.kind}/${p.metadata.name} selects the pods of exactly one workload`);
  }
  for (const h of objects.filter((o) => o.kind === "HorizontalPodAutoscaler")) {
    check(find(objects, h.spec.scaleTargetRef.kind, h.spec.scaleTargetRef.name), `${name}: HPA ${h.metadata.name} targets a real Deployment`);
    check(h.spec.maxReplicas <= 3, `${name}: HPA ${h.metadata.name} stays within the 3 partitions of its topic`);
  }
  for (const i of objects.filter((o) => o.kind === "Ingress")) {
    for (const rule of i.spec.rules) {
      for (const path of rule.http.paths) {
        const svc = find(objects, "Service", path.backend.service.name);
        check(svc && svc.spec.ports.some((p) => p.name === path.backend.service.port.name),
          `${name}: Ingress ${i.metadata.name} points at a real Service port`);
        check(svc?.metadata.labels["app.kubernetes.io/component"] === "game-engine", `${name}: the Ingress serves the engine`);
      }
    }
    const a = i.metadata.annotations;
    check(Number(a["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600, `${name}: WebSocket read timeout of an hour`);
    check(a["nginx.ingress.kubernetes.io/upstream-hash-by"] === "$uri", `${name}: sticky by world path`);
  }
  for (const m of objects.filter((o) => o.kind === "ServiceMonitor")) {
    const targets = objects.filter((o) => o.kind === "Service" && selects(m.spec.selector, o.metadata.labels));
    check(targets.map((t) => t.metadata.labels["app.kubernetes.io/component"]).sort().join() === [...QUARKUS].sort().join(),
      `${name}: the ServiceMonitor scrapes exactly the three services`);
    for (const e of m.spec.endpoints) {
      check(e.path === "/q/metrics" && targets.every((t) => t.spec.ports.some((p) => p.name === e.port)),
        `${name}: the ServiceMonitor endpoint ${e.port}${e.path} exists on every service`);
    }
  }
}

const engineOf = (objects) => objects.find((o) => o.kind === "Deployment" && o.metadata.labels["app.kubernetes.io/component"] === "game-engine");

function assertEngineAndSecrets({ name, objects }, values) {
  const engine = engineOf(objects);
  check(engine?.spec.replicas === values.engine.replicaCount, `${name}: ${values.engine.replicaCount} engine replica(s), as the values say`);
  const env = Object.fromEntries(podSpecOf(engine).containers[0].env.map((e) => [e.name, e]));
  check(env.ARENA_ENGINE_CLUSTER_ENGINE_ID?.valueFrom?.fieldRef?.fieldPath === "metadata.name", `${name}: the engine id is the pod's name`);
  const names = Object.keys(env);
  check(names.indexOf("ARENA_ENGINE_CLUSTER_ENGINE_ID") < names.indexOf("ARENA_ENGINE_CLUSTER_PUBLIC_URL"),
    `${name}: the engine id comes before the public URL, which may refer to it`);
  const service = objects.find((o) => o.kind === "Service" && o.metadata.labels["app.kubernetes.io/component"] === "game-engine");
  check(env.ARENA_ENGINE_CLUSTER_PUBLIC_URL?.value === (values.engine.publicUrl || `http://${service?.metadata.name}:8080`),
    `${name}: the engine's public URL is engine.publicUrl, by default its Service's URL`);
  const secrets = new Set([values.mongodb.uri.existingSecret, values.llm.apiKey.existingSecret].filter((s) => s));
  for (const w of workloads(objects)) {
    for (const c of podSpecOf(w).containers) {
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        if (ref) check(find(objects, "Secret", ref.name) || secrets.has(ref.name),
          `${name}: ${w.metadata.name} reads Secret ${ref.name}, which the chart renders or the values name`);
      }
    }
  }
  const gateway = objects.find((o) => o.kind === "Deployment" && o.metadata.labels["app.kubernetes.io/component"] === "llm-gateway");
  const keyEnv = (w) => podSpecOf(w).containers.flatMap((c) => c.env ?? []).filter((e) => e.name === values.llm.apiKey.envName);
  if (values.llm.apiKey.existingSecret) check(keyEnv(gateway).length === 1, `${name}: the gateway reads the provider key from its Secret`);
  for (const w of longRunning(objects).filter((w) => w !== gateway)) {
    check(keyEnv(w).length === 0, `${name}: ${w.metadata.name} does not get the provider key`);
  }
}

function assertNetworkPolicies({ name, objects }) {
  for (const p of objects.filter((o) => o.kind === "NetworkPolicy")) {
    const component = p.metadata.labels["app.kubernetes.io/component"];
    const open = (p.spec.ingress ?? []).some((rule) => !rule.from);
    check(open === (component === "game-engine"), `${name}: ${p.metadata.name} is reachable from anywhere only if it is the engine`);
    if (component === "llm-gateway" || component === "game-engine") {
      check(!JSON.stringify(p.spec.egress).includes("27017"), `${name}: ${component} cannot reach MongoDB`);
    }
  }
}

// ---- what must and must not be there ---------------------------------------------------------------------------
function kinds(objects) {
  const count = {};
  for (const o of objects) count[o.kind] = (count[o.kind] ?? 0) + 1;
  return count;
}

function assertInventory(defaults, everything) {
  const d = kinds(defaults.objects);
  const e = kinds(everything.objects);
  check(d.Deployment === 3 && d.Service === 3 && d.ServiceAccount === 3 && d.ConfigMap === 3,
    `defaults: a Deployment, Service, ServiceAccount and ConfigMap per service (${JSON.stringify(d)})`);
  for (const k of ["StatefulSet", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "ServiceMonitor", "PrometheusRule"]) {
    check(!d[k], `defaults: no ${k} unless asked for`);
  }
  const expected = { StatefulSet: 2, Ingress: 1, HorizontalPodAutoscaler: 2, PodDisruptionBudget: 3, NetworkPolicy: 5,
    ServiceMonitor: 1, PrometheusRule: 1, Job: 1, Pod: 1 };
  for (const [k, n] of Object.entries(expected)) check(e[k] === n, `every flag: ${n} ${k} (found ${e[k] ?? 0})`);
  const images = everything.objects.filter((o) => o.kind === "StatefulSet").map((s) => s.spec.template.spec.containers[0].image);
  check(images.some((i) => i.startsWith("\"apache/kafka:") || i.startsWith("apache/kafka:")), "the in-chart Kafka is the official apache/kafka image");
  check(images.some((i) => i.startsWith("mongo:")), "the in-chart MongoDB is the official mongo image");
  const test = everything.objects.find((o) => o.kind === "Pod");
  check(test?.metadata.annotations?.["helm.sh/hook"] === "test", "the helm test hook exists");
  const script = test?.spec.containers[0].command.join(" ") ?? "";
  check(QUARKUS.every((s) => script.includes(`arena-agent-arena-${s}:8080/q/health/ready`)), "helm test checks the readiness of all three services");
}

function assertMonitoring(everything) {
  const rule = everything.objects.find((o) => o.kind === "PrometheusRule");
  const alerts = rule.spec.groups.flatMap((g) => g.rules.map((r) => r.alert));
  for (const a of ["ArenaWorldLoopOverruns", "ArenaConsumerLag", "ArenaDeadLetters", "ArenaCircuitOpen", "ArenaMongoDown"]) {
    check(alerts.includes(a), `PrometheusRule has ${a}`);
  }
  const file = readFileSync(join(chart, "dashboards/agent-arena.json"), "utf8");
  let dashboard;
  try {
    dashboard = JSON.parse(file);
  } catch (e) {
    check(false, `the Grafana dashboard is not valid JSON: ${e.message}`);
    return;
  }
  check(dashboard.uid && dashboard.title && Array.isArray(dashboard.panels) && dashboard.panels.length > 0, "the dashboard has a uid, a title and panels");
  const ids = dashboard.panels.map((p) => p.id);
  check(new Set(ids).size === ids.length, "dashboard panel ids are unique");
  for (const p of dashboard.panels) {
    check(p.targets?.length > 0 && p.targets.every((t) => t.expr && t.refId), `dashboard panel "${p.title}" has queries`);
    check(p.gridPos && p.datasource, `dashboard panel "${p.title}" has a position and a data source`);
  }
  const map = everything.objects.find((o) => o.kind === "ConfigMap" && o.metadata.labels.grafana_dashboard === "1");
  check(map && JSON.stringify(JSON.parse(map.data["agent-arena.json"])) === JSON.stringify(dashboard),
    "the dashboard ConfigMap carries the sidecar label and the dashboard file unchanged");
}

// Topics.ALL as Topics.java writes it: new TopicSpec(NAME, partitions, compacted[, Map.of("setting", value, …)]), where
// partitions is a number or an int constant and a setting's value a string literal or String.valueOf(an int constant).
function topicsOfContracts() {
  const source = readFileSync(join(repo, "contracts/src/main/java/dev/agentarena/contracts/kafka/Topics.java"), "utf8");
  const names = Object.fromEntries([...source.matchAll(/String (\w+) = "([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const ints = Object.fromEntries([...source.matchAll(/int (\w+) = ([\d\s*]+);/g)]
    .map((m) => [m[1], m[2].split("*").reduce((product, factor) => product * Number(factor), 1)]));
  const int = (token) => /^\d+$/.test(token) ? Number(token) : ints[token];
  const settingValue = (token) => token.match(/^"(.*)"$/)?.[1] ?? String(int(token.match(/^String\.valueOf\((\w+)\)$/)?.[1]));
  const specs = [...source.matchAll(/new TopicSpec\((\w+), (\w+), (true|false)(?:, Map\.of\(((?:[^()]|\([^()]*\))*)\))?\)/g)]
    .map((m) => {
      const args = (m[4] ?? "").split(",").map((a) => a.trim()).filter((a) => a);
      const settings = {};
      for (let i = 0; i + 1 < args.length; i += 2) settings[JSON.parse(args[i])] = settingValue(args[i + 1]);
      return { name: names[m[1]], partitions: int(m[2]), compacted: m[3] === "true", settings };
    });
  return { specs, defaultWorldPartitions: ints.DEFAULT_WORLD_PARTITIONS, allCount: (source.match(/new TopicSpec\(/g) ?? []).length };
}

function assertTopicsMatchContracts(values, everything) {
  const { specs, defaultWorldPartitions, allCount } = topicsOfContracts();
  check(specs.length > 0 && specs.length === allCount, `Topics.java lists its topics, each read here (${specs.length} of ${allCount})`);
  check(specs.every((t) => t.name && Number.isInteger(t.partitions) && Object.values(t.settings).every((v) => v !== "undefined")),
    "every topic of Topics.java has a known name, partition count and setting values");
  check(values.kafka.worldPartitions === defaultWorldPartitions, "kafka.worldPartitions is Topics.DEFAULT_WORLD_PARTITIONS");
  const commands = values.kafka.topics.find((t) => t.name === "arena.world.commands");
  check(commands && commands.partitions === undefined, "arena.world.commands takes its partitions from kafka.worldPartitions");
  const inValues = values.kafka.topics.map((t) => ({ name: t.name, partitions: t.partitions ?? values.kafka.worldPartitions,
    compacted: t.compacted, settings: t.settings ?? {} }));
  check(JSON.stringify(inValues) === JSON.stringify(specs), "values.yaml kafka.topics equals Topics.ALL (partitions, compaction, settings)");
  const script = jobScript(everything);
  for (const t of specs) {
    const configs = [...(t.compacted ? ["cleanup.policy=compact"] : []), ...Object.entries(t.settings).map(([k, v]) => `${k}=${v}`)];
    const create = `--create --if-not-exists --topic ${t.name} --partitions ${t.partitions} --replication-factor 1`
      + configs.map((c) => ` --config ${c}`).join("");
    check(script.includes(create), `the topics Job creates ${t.name} with its partitions and configs`);
    check(script.includes(`grow ${t.name} ${t.partitions}\n`), `the topics Job grows an existing ${t.name} to its partitions`);
    if (Object.keys(t.settings).length) {
      check(script.includes(`--entity-name ${t.name} --add-config ${configs.filter((c) => !c.startsWith("cleanup.policy=")).join(",")}`),
        `the topics Job sets the settings of an existing ${t.name}`);
    }
  }
  check((script.match(/cleanup.policy=compact/g) ?? []).length === specs.filter((t) => t.compacted).length,
    "the topics Job compacts exactly the changelogs");
}

// The Job's shell script with its line continuations joined, so that one topic's command reads as one line.
const jobScript = ({ objects }) => objects.find((o) => o.kind === "Job").spec.template.spec.containers[0].command.join(" ")
  .replace(/ \\\n\s*/g, " ");

// Several engines share the worlds: replicas above 1 render (each pod names itself), up to the world partitions.
function assertScaleOut(values) {
  const many = render("three engines", ["-f", allFlags, "--set", "engine.replicaCount=3", "--set", "kafka.worldPartitions=24",
    "--set", "engine.publicUrl=https://$(ARENA_ENGINE_CLUSTER_ENGINE_ID).arena.example.com"]);
  assertEngineAndSecrets(many, { ...merged, engine: { ...merged.engine, replicaCount: 3,
    publicUrl: "https://$(ARENA_ENGINE_CLUSTER_ENGINE_ID).arena.example.com" } });
  const script = jobScript(many);
  check(script.includes("--topic arena.world.commands --partitions 24 ") && script.includes("grow arena.world.commands 24\n"),
    "kafka.worldPartitions sets the partitions the Job creates and grows arena.world.commands to");
  let error = "";
  try {
    run(["template", "arena", chart, "--set", "engine.replicaCount=13"]);
  } catch (e) {
    error = String(e.stderr);
  }
  check(error.includes(`engine.replicaCount 13 is more than kafka.worldPartitions ${values.kafka.worldPartitions}`),
    "more engines than world partitions is refused, naming both values");
}

function assertSchemaRejects() {
  const bad = [
    ["engine.replicaCount=0", "/engine/replicaCount"],
    ["engine.publicUrl=arena.example.com", "/engine/publicUrl"],
    ["kafka.worldPartitions=0", "/kafka/worldPartitions"],
    ["persistence.replicaCount=two", "/persistence/replicaCount"],
    ["tracing.protocol=udp", "/tracing/protocol"],
    ["gateway.resources.limits.memory=lots", "/gateway/resources/limits/memory"],
    ["kafka.bootstrapServers=no-port", "/kafka/bootstrapServers"],
    ["engine.colour=red", "/engine"],
  ];
  for (const [value, path] of bad) {
    let error = "";
    try {
      run(["template", "arena", chart, "--set", value]);
    } catch (e) {
      error = String(e.stderr);
    }
    check(error.includes("schema") && error.includes(path), `the schema rejects ${value} at ${path}`);
  }
}

// ---- main ------------------------------------------------------------------------------------------------------
const values = parseYaml(readFileSync(join(chart, "values.yaml"), "utf8"));
const allFlags = join(chart, "ci/all-flags-values.yaml");
const everythingValues = parseYaml(readFileSync(allFlags, "utf8"));
const merged = structuredClone(values);
merged.llm.apiKey.existingSecret = everythingValues.llm.apiKey.existingSecret;

const defaults = render("defaults", []);
const everything = render("every flag", ["-f", allFlags]);
for (const r of [defaults, everything]) {
  await validateSchemas(r);
  assertContainers(r);
  assertLabelsAndSelectors(r);
  assertNetworkPolicies(r);
}
assertEngineAndSecrets(defaults, values);
assertEngineAndSecrets(everything, merged);
assertInventory(defaults, everything);
assertMonitoring(everything);
assertTopicsMatchContracts(values, everything);
assertScaleOut(values);
assertSchemaRejects();

const objects = defaults.objects.length + everything.objects.length;
if (failures.length) {
  console.error(`chart validation FAILED: ${failures.length} of ${checks} checks`);
  for (const f of failures) console.error(`  - ${f}`);
  process.exit(1);
}
console.log(`chart validation passed: ${checks} checks on ${objects} rendered objects (defaults: ${defaults.objects.length}, every flag: ${everything.objects.length})`);
