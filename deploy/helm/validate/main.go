// Command validate-manifests reads rendered Kubernetes manifests (`helm template` output) on
// stdin and decodes every document strictly into the Kubernetes API's own Go types
// (k8s.io/api): an unknown or misspelled field, a duplicate field, a wrong type or an
// apiVersion/kind the API does not have fails the check. It stands in for
// `kubeconform -strict`, whose JSON schemas are downloaded from GitHub at run time and so
// cannot be had on a machine that reaches package registries only.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer/json"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
)

func main() {
	scheme := runtime.NewScheme()
	for _, add := range []func(*runtime.Scheme) error{
		corev1.AddToScheme, appsv1.AddToScheme, networkingv1.AddToScheme, policyv1.AddToScheme, autoscalingv2.AddToScheme,
	} {
		if err := add(scheme); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	strict := json.NewSerializerWithOptions(json.DefaultMetaFactory, scheme, scheme, json.SerializerOptions{Yaml: true, Strict: true})

	reader := utilyaml.NewYAMLReader(bufio.NewReader(os.Stdin))
	checked, failed := 0, 0
	for {
		doc, err := reader.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "reading:", err)
			os.Exit(2)
		}
		if len(bytes.TrimSpace(stripComments(doc))) == 0 {
			continue
		}
		obj, gvk, err := strict.Decode(doc, nil, nil)
		checked++
		if err != nil {
			failed++
			fmt.Fprintf(os.Stderr, "INVALID %s: %v\n", describe(doc), err)
			continue
		}
		meta, _ := obj.(interface{ GetName() string })
		name := ""
		if meta != nil {
			name = meta.GetName()
		}
		fmt.Printf("ok  %s/%s %s\n", gvk.GroupVersion().String(), gvk.Kind, name)
	}
	fmt.Printf("%d manifests checked, %d invalid\n", checked, failed)
	if failed > 0 || checked == 0 {
		os.Exit(1)
	}
}

func stripComments(doc []byte) []byte {
	var out []string
	for _, line := range strings.Split(string(doc), "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "#") {
			out = append(out, line)
		}
	}
	return []byte(strings.Join(out, "\n"))
}

func describe(doc []byte) string {
	kind, name := "?", "?"
	for _, line := range strings.Split(string(doc), "\n") {
		if strings.HasPrefix(line, "kind:") {
			kind = strings.TrimSpace(strings.TrimPrefix(line, "kind:"))
		}
		if strings.HasPrefix(line, "  name:") && name == "?" {
			name = strings.TrimSpace(strings.TrimPrefix(line, "  name:"))
		}
	}
	return kind + " " + name
}
