{{/*
Names and labels shared by every object. The three services differ only in their values block
(.Values.engine / .Values.persistence / .Values.gateway) and in what _workload.tpl adds for them.
*/}}

{{- define "agent-arena.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release-wide prefix of every object name. */}}
{{- define "agent-arena.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Name of a component's objects: (dict "root" $ "component" "game-engine"). */}}
{{- define "agent-arena.componentName" -}}
{{- printf "%s-%s" (include "agent-arena.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels that never change over a release's life: the selectors. */}}
{{- define "agent-arena.selectorLabels" -}}
app.kubernetes.io/name: {{ include "agent-arena.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Every label of a component's objects. */}}
{{- define "agent-arena.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "agent-arena.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: agent-arena
{{- end }}

{{/* A container image reference from {registry, repository, tag}; the tag defaults to the chart's appVersion. */}}
{{- define "agent-arena.image" -}}
{{- $registry := .image.registry | default .root.Values.image.registry }}
{{- $tag := .image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion }}
{{- if $registry }}
{{- printf "%s/%s:%s" $registry .image.repository $tag }}
{{- else }}
{{- printf "%s:%s" .image.repository $tag }}
{{- end }}
{{- end }}

{{/* The pod securityContext every pod of the chart runs under (non-root, seccomp RuntimeDefault). */}}
{{- define "agent-arena.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid }}
runAsGroup: {{ .uid }}
fsGroup: {{ .uid }}
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* The container securityContext of every container: read-only root filesystem, nothing it does not need. */}}
{{- define "agent-arena.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Kafka bootstrap servers: the in-chart broker when it is on, otherwise the external one. */}}
{{- define "agent-arena.kafkaBootstrap" -}}
{{- if .Values.kafka.inChart.enabled }}
{{- printf "%s:9092" (include "agent-arena.componentName" (dict "root" . "component" "kafka")) }}
{{- else }}
{{- required "kafka.bootstrapServers is required when kafka.inChart.enabled is false" .Values.kafka.bootstrapServers }}
{{- end }}
{{- end }}

{{/* The Secret (name and key) holding the MongoDB URI: the chart's own for the in-chart server, else the given one. */}}
{{- define "agent-arena.mongoSecretName" -}}
{{- if .Values.mongodb.inChart.enabled }}
{{- include "agent-arena.componentName" (dict "root" . "component" "mongodb") }}
{{- else }}
{{- required "mongodb.uri.existingSecret is required when mongodb.inChart.enabled is false" .Values.mongodb.uri.existingSecret }}
{{- end }}
{{- end }}

{{- define "agent-arena.mongoSecretKey" -}}
{{- if .Values.mongodb.inChart.enabled }}uri{{ else }}{{ .Values.mongodb.uri.key }}{{ end }}
{{- end }}
