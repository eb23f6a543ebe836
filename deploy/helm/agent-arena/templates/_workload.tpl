{{/*
The objects every service has, written once. Each is called with
  (dict "root" $ "component" "game-engine" "values" .Values.engine)
and the per-service templates in game-engine/, persistence-service/ and llm-gateway/ only pick which ones they need.
The container always listens on 8080 (QUARKUS_HTTP_PORT) and serves /q/health/* and /q/metrics there.
*/}}

{{- define "agent-arena.workload.serviceAccount" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "agent-arena.componentName" . }}
  labels:
    {{- include "agent-arena.labels" . | nindent 4 }}
# The services never call the Kubernetes API.
automountServiceAccountToken: false
{{- end }}

{{- define "agent-arena.workload.configMap" -}}
{{- $root := .root }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "agent-arena.componentName" . }}
  labels:
    {{- include "agent-arena.labels" . | nindent 4 }}
data:
  QUARKUS_HTTP_PORT: "8080"
  KAFKA_BOOTSTRAP_SERVERS: {{ include "agent-arena.kafkaBootstrap" $root | quote }}
  # The image sets the log manager in JAVA_OPTS_APPEND too; this replaces it, so it is repeated here.
  JAVA_OPTS_APPEND: {{ printf "-Djava.util.logging.manager=org.jboss.logmanager.LogManager %s" .values.javaOpts | trim | quote }}
  # Tracing: the SDK (and with it the OTLP exporter) is off unless tracing.enabled.
  QUARKUS_OTEL_SDK_DISABLED: {{ (not $root.Values.tracing.enabled) | quote }}
  {{- if $root.Values.tracing.enabled }}
  QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT: {{ required "tracing.endpoint is required when tracing.enabled" $root.Values.tracing.endpoint | quote }}
  QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL: {{ $root.Values.tracing.protocol | quote }}
  QUARKUS_OTEL_TRACES_SAMPLER_ARG: {{ $root.Values.tracing.samplerRatio | quote }}
  {{- end }}
  {{- if eq .component "persistence-service" }}
  QUARKUS_MONGODB_DATABASE: {{ $root.Values.mongodb.database | quote }}
  {{- end }}
  {{- range $name, $value := .values.extraEnv }}
  {{ $name }}: {{ $value | quote }}
  {{- end }}
{{- end }}

{{- define "agent-arena.workload.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "agent-arena.componentName" . }}
  labels:
    {{- include "agent-arena.labels" . | nindent 4 }}
spec:
  type: {{ .values.service.type }}
  selector:
    {{- include "agent-arena.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: 8080
      targetPort: http
      protocol: TCP
{{- end }}

{{/*
What a service reads besides its ConfigMap: the MongoDB URI (persistence) and the LLM provider key (gateway) from
Secrets; the engine its pod's identity. The engine id is the pod name, and the public URL comes after it, so that
"$(ARENA_ENGINE_CLUSTER_ENGINE_ID)" in engine.publicUrl expands to it (Kubernetes expands earlier variables).
*/}}
{{- define "agent-arena.workload.env" -}}
{{- $root := .root }}
{{- if eq .component "game-engine" }}
- name: ARENA_ENGINE_CLUSTER_ENGINE_ID
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: ARENA_ENGINE_CLUSTER_PUBLIC_URL
  value: {{ .values.publicUrl | default (printf "http://%s:8080" (include "agent-arena.componentName" .)) | quote }}
{{- else if eq .component "persistence-service" }}
- name: QUARKUS_MONGODB_CONNECTION_STRING
  valueFrom:
    secretKeyRef:
      name: {{ include "agent-arena.mongoSecretName" $root }}
      key: {{ include "agent-arena.mongoSecretKey" $root }}
{{- else if and (eq .component "llm-gateway") $root.Values.llm.apiKey.existingSecret }}
- name: {{ $root.Values.llm.apiKey.envName }}
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.llm.apiKey.existingSecret }}
      key: {{ $root.Values.llm.apiKey.key }}
{{- end }}
{{- end }}

{{/* The Deployment; its pod template carries the ConfigMap's checksum, so a changed setting rolls the pods. */}}
{{- define "agent-arena.workload.deployment" -}}
{{- $root := .root }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "agent-arena.componentName" . }}
  labels:
    {{- include "agent-arena.labels" . | nindent 4 }}
spec:
  {{- if not (and .values.autoscaling .values.autoscaling.enabled) }}
  replicas: {{ .values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 3
  selector:
    matchLabels:
      {{- include "agent-arena.selectorLabels" . | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      # A new pod is ready before an old one goes: old and new share the topics meanwhile (docs/architecture.md,
      # "Message compatibility").
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        {{- include "agent-arena.labels" . | nindent 8 }}
      annotations:
        checksum/config: {{ include "agent-arena.workload.configMap" . | sha256sum }}
        {{- with .values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "agent-arena.componentName" . }}
      automountServiceAccountToken: false
      {{- with $root.Values.image.pullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      securityContext:
        {{- include "agent-arena.podSecurityContext" (dict "uid" 185) | nindent 8 }}
      terminationGracePeriodSeconds: {{ .values.terminationGracePeriodSeconds }}
      containers:
        - name: {{ .component }}
          image: {{ include "agent-arena.image" (dict "root" $root "image" .values.image) | quote }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          securityContext:
            {{- include "agent-arena.containerSecurityContext" . | nindent 12 }}
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "agent-arena.componentName" . }}
          {{- with include "agent-arena.workload.env" . | trim }}
          env:
            {{- . | nindent 12 }}
          {{- end }}
          startupProbe:
            httpGet:
              path: /q/health/started
              port: http
            periodSeconds: 2
            failureThreshold: {{ .values.probes.startupFailureThreshold }}
          livenessProbe:
            httpGet:
              path: /q/health/live
              port: http
            periodSeconds: 10
            timeoutSeconds: 3
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: /q/health/ready
              port: http
            periodSeconds: 5
            timeoutSeconds: 3
            failureThreshold: 3
          resources:
            {{- toYaml .values.resources | nindent 12 }}
          volumeMounts:
            # The root filesystem is read-only; Quarkus and Vert.x keep their scratch files in /tmp.
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 256Mi
      {{- with .values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}

{{- define "agent-arena.workload.hpa" -}}
{{- if .values.autoscaling.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "agent-arena.componentName" . }}
  labels:
    {{- include "agent-arena.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "agent-arena.componentName" . }}
  minReplicas: {{ .values.autoscaling.minReplicas }}
  maxReplicas: {{ .values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .values.autoscaling.targetCPUUtilizationPercentage }}
{{- end }}
{{- end }}

{{- define "agent-arena.workload.pdb" -}}
{{- if .root.Values.podDisruptionBudget.enabled }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "agent-arena.componentName" . }}
  labels:
    {{- include "agent-arena.labels" . | nindent 4 }}
spec:
  # maxUnavailable, not minAvailable: with one replica a node drain still proceeds (one pod at a time).
  maxUnavailable: {{ .root.Values.podDisruptionBudget.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "agent-arena.selectorLabels" . | nindent 6 }}
{{- end }}
{{- end }}

{{/*
NetworkPolicy of a service: only what it needs. A .public service (the engine) takes connections on 8080 from
anywhere; the others only from the Prometheus namespace (scraping) and the helm test pod. Every service may
reach DNS and Kafka; .extraEgress adds what only it needs (MongoDB, the LLM provider).
*/}}
{{- define "agent-arena.workload.networkPolicy" -}}
{{- $root := .root }}
{{- if $root.Values.networkPolicy.enabled }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "agent-arena.componentName" . }}
  labels:
    {{- include "agent-arena.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "agent-arena.selectorLabels" . | nindent 6 }}
  policyTypes: [Ingress, Egress]
  ingress:
    - ports:
        - port: http
          protocol: TCP
      {{- if not .public }}
      from:
        - namespaceSelector:
            {{- toYaml $root.Values.networkPolicy.metricsNamespaceSelector | nindent 12 }}
        - podSelector:
            matchLabels:
              {{- include "agent-arena.selectorLabels" (dict "root" $root "component" "test") | nindent 14 }}
      {{- end }}
  egress:
    # DNS
    - ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
    {{- if $root.Values.kafka.inChart.enabled }}
    - to:
        - podSelector:
            matchLabels:
              {{- include "agent-arena.selectorLabels" (dict "root" $root "component" "kafka") | nindent 14 }}
      ports:
        - port: 9092
          protocol: TCP
    {{- else }}
    - ports:
        {{- range $root.Values.networkPolicy.kafkaPorts }}
        - port: {{ . }}
          protocol: TCP
        {{- end }}
      {{- with $root.Values.networkPolicy.kafkaEgressTo }}
      to:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    {{- end }}
    {{- range .extraEgress }}
    - {{- toYaml . | nindent 6 }}
    {{- end }}
    {{- if $root.Values.tracing.enabled }}
    - ports:
        - port: {{ $root.Values.networkPolicy.otlpPort }}
          protocol: TCP
    {{- end }}
{{- end }}
{{- end }}
