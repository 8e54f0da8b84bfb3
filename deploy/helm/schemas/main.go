// Command schemas turns the Kubernetes API's OpenAPI v2 document (api/openapi-spec/swagger.json
// of the k8s.io/kubernetes Go module, fetched through the Go module proxy at a pinned version)
// into the standalone, strict JSON schemas kubeconform reads — one file per kind and API
// version, named as kubeconform looks them up ({{ .ResourceKind }}{{ .KindSuffix }}.json) — so
// `kubeconform -strict` runs offline instead of fetching schemas from GitHub.
//
// The conversion follows the one behind kubeconform's usual schemas (openapi2jsonschema):
// references are inlined, every object with listed properties refuses others
// (additionalProperties: false), int-or-string and quantity fields accept a string or a number,
// optional fields accept null, and apiVersion and kind are fixed to the kind's own values.
//
//	schemas -openapi swagger.json -out DIR
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

type schema = map[string]any

const refPrefix = "#/definitions/"

type converter struct {
	defs map[string]schema
}

// inline returns a copy of s with every $ref replaced by its definition; a definition already
// being inlined further up (a recursive type) becomes {} — anything goes below that point.
func (c *converter) inline(s schema, stack map[string]bool) schema {
	if ref, ok := s["$ref"].(string); ok && strings.HasPrefix(ref, refPrefix) {
		name := strings.TrimPrefix(ref, refPrefix)
		def, found := c.defs[name]
		if !found || stack[name] {
			return schema{}
		}
		stack[name] = true
		out := c.inline(c.special(name, def), stack)
		delete(stack, name)
		if desc, ok := s["description"]; ok {
			out["description"] = desc
		}
		return out
	}
	out := schema{}
	for k, v := range s {
		out[k] = v
	}
	if format, _ := out["format"].(string); format == "int-or-string" {
		delete(out, "format")
		delete(out, "type")
		out["oneOf"] = []any{schema{"type": "string"}, schema{"type": "integer"}}
	}
	if props, ok := out["properties"].(map[string]any); ok {
		required := map[string]bool{}
		if list, ok := out["required"].([]any); ok {
			for _, r := range list {
				if name, ok := r.(string); ok {
					required[name] = true
				}
			}
		}
		inlined := map[string]any{}
		for name, p := range props {
			ps, ok := p.(map[string]any)
			if !ok {
				inlined[name] = p
				continue
			}
			prop := c.inline(ps, stack)
			if !required[name] {
				allowNull(prop)
			}
			inlined[name] = prop
		}
		out["properties"] = inlined
		if _, set := out["additionalProperties"]; !set {
			out["additionalProperties"] = false
		}
	}
	if items, ok := out["items"].(map[string]any); ok {
		out["items"] = c.inline(items, stack)
	}
	if extra, ok := out["additionalProperties"].(map[string]any); ok {
		out["additionalProperties"] = c.inline(extra, stack)
	}
	return out
}

// special: types whose wire form the OpenAPI document under-describes.
func (c *converter) special(name string, def schema) schema {
	if name == "io.k8s.apimachinery.pkg.api.resource.Quantity" {
		return schema{"description": def["description"], "oneOf": []any{schema{"type": "string"}, schema{"type": "number"}}}
	}
	return def
}

func allowNull(s schema) {
	switch t := s["type"].(type) {
	case string:
		s["type"] = []any{t, "null"}
	}
}

type gvk struct {
	Group   string `json:"group"`
	Version string `json:"version"`
	Kind    string `json:"kind"`
}

// fileName is kubeconform's lookup name: kind, then the group's first label and the version.
func fileName(k gvk) string {
	suffix := "-" + strings.ToLower(k.Version)
	if k.Group != "" {
		suffix = "-" + strings.ToLower(strings.Split(k.Group, ".")[0]) + suffix
	}
	return strings.ToLower(k.Kind) + suffix + ".json"
}

func main() {
	openapi := flag.String("openapi", "", "the Kubernetes OpenAPI v2 document (swagger.json)")
	out := flag.String("out", "", "directory to write the schemas to")
	flag.Parse()
	if *openapi == "" || *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	raw, err := os.ReadFile(*openapi)
	if err != nil {
		fail(err)
	}
	var doc struct {
		Definitions map[string]schema `json:"definitions"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		fail(fmt.Errorf("%s: %w", *openapi, err))
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fail(err)
	}
	c := &converter{defs: doc.Definitions}
	written := 0
	for name, def := range doc.Definitions {
		list, _ := def["x-kubernetes-group-version-kind"].([]any)
		for _, entry := range list {
			b, _ := json.Marshal(entry)
			var k gvk
			if err := json.Unmarshal(b, &k); err != nil || k.Kind == "" {
				continue
			}
			s := c.inline(def, map[string]bool{name: true})
			apiVersion := k.Version
			if k.Group != "" {
				apiVersion = k.Group + "/" + k.Version
			}
			if props, ok := s["properties"].(map[string]any); ok {
				if _, ok := props["apiVersion"]; ok {
					props["apiVersion"] = schema{"type": "string", "enum": []any{apiVersion}}
				}
				if _, ok := props["kind"]; ok {
					props["kind"] = schema{"type": "string", "enum": []any{k.Kind}}
				}
			}
			s["$schema"] = "http://json-schema.org/schema#"
			body, err := json.Marshal(s)
			if err != nil {
				fail(err)
			}
			if err := os.WriteFile(filepath.Join(*out, fileName(k)), body, 0o644); err != nil {
				fail(err)
			}
			written++
		}
	}
	fmt.Printf("wrote %d schemas to %s\n", written, *out)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "schemas:", err)
	os.Exit(1)
}
