{{/*
Name of every object of the release: fullnameOverride, else the release name (install the
release as "fenceline-agent"), cut to the 63 characters a label value allows.
*/}}
{{- define "fenceline-agent.fullname" -}}
{{- .Values.fullnameOverride | default .Release.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels the Deployment selects its pod by; they must never change across upgrades. */}}
{{- define "fenceline-agent.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels of every object. No Helm-specific labels: the plain manifests are this output. */}}
{{- define "fenceline-agent.labels" -}}
{{ include "fenceline-agent.selectorLabels" . }}
app.kubernetes.io/version: {{ include "fenceline-agent.imageTag" . | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/component: agent
app.kubernetes.io/part-of: fenceline
{{- end }}

{{/* The image tag: image.tag, else the chart's appVersion. */}}
{{- define "fenceline-agent.imageTag" -}}
{{- .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{/* The Secret holding the agent token: an existing one, else the release's own. */}}
{{- define "fenceline-agent.tokenSecretName" -}}
{{- if .Values.token.existingSecret }}
{{- .Values.token.existingSecret }}
{{- else }}
{{- include "fenceline-agent.fullname" . }}
{{- end }}
{{- end }}
