{{/* Names and labels shared by every object of the chart. */}}

{{- define "log-explorer.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "log-explorer.fullname" -}}
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

{{- define "log-explorer.selectorLabels" -}}
app.kubernetes.io/name: {{ include "log-explorer.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "log-explorer.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "log-explorer.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: web
{{- end }}

{{- define "log-explorer.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "log-explorer.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "log-explorer.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* The shutdown deadline the app uses: what the grace period leaves after the preStop pause, minus 2 s of margin. */}}
{{- define "log-explorer.shutdownTimeoutMs" -}}
{{- $ms := mul (sub (sub .Values.terminationGracePeriodSeconds .Values.preStopSleepSeconds) 2) 1000 }}
{{- if lt (int $ms) 1000 }}1000{{ else }}{{ $ms }}{{ end }}
{{- end }}
