// Renders both overlays with `kubectl kustomize` (no cluster needed) and checks what a cluster would
// otherwise only show in production: probes on the right paths, a read-only non-root container with
// its writable paths mounted, secrets referenced and never rendered, the streaming ingress settings,
// the in-cluster dependencies of dev, the GPU model server of production.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { at, find, list, named, parseManifests, runTool, type Manifest } from "@/deploy/testing/manifests";
import { envSchema } from "@/lib/env";

const DIR = import.meta.dirname;
const KUBECTL_HINT = "kubectl renders Kustomize offline; install kubectl (e.g. apt-get install kubectl from the Kubernetes apt repository).";
const render = (dir: string): Manifest[] => parseManifests(runTool("kubectl", ["kustomize", dir], KUBECTL_HINT));

/** Variables the container may set that lib/env.ts does not read (Next's standalone server reads them). */
const RUNTIME_ONLY = new Set(["HOSTNAME", "NODE_OPTIONS"]);

let dev: Manifest[] = [];
let production: Manifest[] = [];

beforeAll(() => {
  dev = render(path.join(DIR, "overlays/dev"));
  production = render(path.join(DIR, "overlays/production"));
});

function appContainer(manifests: Manifest[]): Record<string, unknown> {
  return named(list(find(manifests, "Deployment", "switchboard"), "spec.template.spec.containers"), "switchboard");
}

function appConfig(manifests: Manifest[]): Record<string, string> {
  const configName = String(at(list(appContainer(manifests), "envFrom")[0], "configMapRef.name"));
  return at(find(manifests, "ConfigMap", configName), "data") as Record<string, string>;
}

describe.each([
  ["dev", () => dev],
  ["production", () => production],
])("the %s overlay's app", (_name, manifests) => {
  it("probes readiness, liveness and start-up on the health endpoints", () => {
    const container = appContainer(manifests());
    expect(at(container, "readinessProbe.httpGet.path")).toBe("/api/health/ready");
    expect(at(container, "livenessProbe.httpGet.path")).toBe("/api/health/live");
    expect(at(container, "startupProbe.httpGet.path")).toBe("/api/health/live");
    expect(at(container, "readinessProbe.httpGet.port")).toBe("http");
    expect(named(list(container, "ports"), "http").containerPort).toBe(3000);
  });

  it("runs non-root on a read-only root filesystem, with every writable path on an emptyDir", () => {
    const deployment = find(manifests(), "Deployment", "switchboard");
    const pod = at(deployment, "spec.template.spec");
    const container = appContainer(manifests());
    expect(at(pod, "securityContext.runAsNonRoot")).toBe(true);
    expect(at(pod, "securityContext.runAsUser")).not.toBe(0);
    expect(at(container, "securityContext.readOnlyRootFilesystem")).toBe(true);
    expect(at(container, "securityContext.allowPrivilegeEscalation")).toBe(false);
    expect(at(container, "securityContext.capabilities.drop")).toEqual(["ALL"]);
    const volumes = list(pod, "volumes");
    const mounts = list(container, "volumeMounts");
    for (const writable of ["/tmp", "/app/.next/cache"]) {
      const mount = mounts.find((candidate) => candidate.mountPath === writable);
      expect(mount, `a volume at ${writable}`).toBeDefined();
      expect(named(volumes, String(mount?.name)).emptyDir).toBeDefined();
    }
  });

  it("has resource requests and limits, and a grace period that covers the app's 25 s drain", () => {
    const container = appContainer(manifests());
    for (const key of ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"]) expect(at(container, `resources.${key}`)).toBeTruthy();
    expect(at(find(manifests(), "Deployment", "switchboard"), "spec.template.spec.terminationGracePeriodSeconds")).toBe(30);
  });

  it("references AUTH_SECRET, SECRETS_KEY and DATABASE_URL from a Secret and renders no secret values", () => {
    const env = list(appContainer(manifests()), "env");
    for (const name of ["AUTH_SECRET", "SECRETS_KEY", "DATABASE_URL"]) {
      const variable = named(env, name);
      expect(variable.value).toBeUndefined();
      expect(at(variable, "valueFrom.secretKeyRef.key")).toBe(name);
      expect(at(variable, "valueFrom.secretKeyRef.name")).toBe("switchboard-secrets");
    }
    expect(at(named(env, "METRICS_TOKEN"), "valueFrom.secretKeyRef.optional")).toBe(true);
    expect(manifests().filter((manifest) => manifest.kind === "Secret")).toEqual([]);
    const config = JSON.stringify(appConfig(manifests()));
    expect(config).not.toMatch(/SECRET|PASSWORD|TOKEN|API_KEY|DATABASE_URL/);
  });

  it("sets only variables the app reads (lib/env.ts), so a misspelt name cannot slip through", () => {
    const known = new Set(Object.keys(envSchema.shape));
    const names = [...list(appContainer(manifests()), "env").map((variable) => String(variable.name)), ...Object.keys(appConfig(manifests()))];
    expect(names.filter((name) => !known.has(name) && !RUNTIME_ONLY.has(name))).toEqual([]);
  });

  it("is scraped by Prometheus at /api/metrics", () => {
    const annotations = at(find(manifests(), "Deployment", "switchboard"), "spec.template.metadata.annotations");
    expect(annotations).toMatchObject({ "prometheus.io/scrape": "true", "prometheus.io/port": "3000", "prometheus.io/path": "/api/metrics" });
  });

  it("has a Service, a PodDisruptionBudget and an autoscaler for exactly the app's pods", () => {
    const all = manifests();
    const podLabels = at(find(all, "Deployment", "switchboard"), "spec.template.metadata.labels") as Record<string, string>;
    const matches = (selector: unknown) => Object.entries(selector as Record<string, string>).every(([key, value]) => podLabels[key] === value);
    expect(matches(at(find(all, "Service", "switchboard"), "spec.selector"))).toBe(true);
    expect(at(find(all, "Service", "switchboard"), "spec.ports.0.targetPort")).toBe("http");
    expect(matches(at(find(all, "PodDisruptionBudget", "switchboard"), "spec.selector.matchLabels"))).toBe(true);
    expect(at(find(all, "PodDisruptionBudget", "switchboard"), "spec.maxUnavailable")).toBe(1);
    const hpa = find(all, "HorizontalPodAutoscaler", "switchboard");
    expect(at(hpa, "spec.scaleTargetRef")).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "switchboard" });
    expect(Number(at(hpa, "spec.maxReplicas"))).toBeGreaterThan(Number(at(hpa, "spec.minReplicas")));
  });

  it("has an Ingress that streams: no proxy buffering, long read and send timeouts", () => {
    const ingress = find(manifests(), "Ingress", "switchboard");
    const annotations = ingress.metadata.annotations ?? {};
    expect(annotations["nginx.ingress.kubernetes.io/proxy-buffering"]).toBe("off");
    expect(Number(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"])).toBeGreaterThanOrEqual(600);
    expect(Number(annotations["nginx.ingress.kubernetes.io/proxy-send-timeout"])).toBeGreaterThanOrEqual(600);
    expect(at(ingress, "spec.rules.0.http.paths.0.backend.service.name")).toBe("switchboard");
  });
});

describe("the production overlay", () => {
  it("runs three replicas from the release image in its own namespace, with TLS", () => {
    const deployment = find(production, "Deployment", "switchboard");
    expect(at(deployment, "spec.replicas")).toBe(3);
    expect(at(find(production, "HorizontalPodAutoscaler", "switchboard"), "spec.minReplicas")).toBe(3);
    expect(String(at(appContainer(production), "image"))).toMatch(/^registry\.example\.com\/switchboard:/);
    expect(production.every((manifest) => manifest.metadata.namespace === "switchboard")).toBe(true);
    expect(at(find(production, "Ingress", "switchboard"), "spec.tls.0.secretName")).toBe("switchboard-tls");
  });

  it("uses an external PostgreSQL: no database runs in the cluster", () => {
    expect(production.filter((manifest) => manifest.kind === "StatefulSet")).toEqual([]);
    expect(production.some((manifest) => /postgres/i.test(manifest.metadata.name))).toBe(false);
  });

  it("runs vLLM on an NVIDIA GPU and points the app's OpenAI-compatible endpoint at its Service", () => {
    const vllm = named(list(find(production, "Deployment", "vllm"), "spec.template.spec.containers"), "vllm");
    expect(at(vllm, "resources.requests")).toMatchObject({ "nvidia.com/gpu": "1" });
    expect(at(vllm, "resources.limits")).toMatchObject({ "nvidia.com/gpu": "1" });
    const service = find(production, "Service", "vllm");
    const port = Number(at(service, "spec.ports.0.port"));
    expect(appConfig(production).OPENAI_COMPATIBLE_BASE_URL).toBe(`http://vllm:${port}/v1`);
    expect(list(vllm, "args")).toContain(`--model=${appConfig(production).OPENAI_COMPATIBLE_MODEL}`);
    expect(find(production, "PersistentVolumeClaim", "vllm-models")).toBeDefined();
  });
});

describe("the dev overlay", () => {
  it("runs PostgreSQL with pgvector in a StatefulSet with its own volume and Service", () => {
    const statefulSet = find(dev, "StatefulSet", "postgres");
    expect(at(named(list(statefulSet, "spec.template.spec.containers"), "postgres"), "image")).toBe("pgvector/pgvector:pg17");
    expect(at(statefulSet, "spec.volumeClaimTemplates.0.metadata.name")).toBe("data");
    expect(at(statefulSet, "spec.serviceName")).toBe("postgres");
    expect(at(find(dev, "Service", "postgres"), "spec.ports.0.port")).toBe(5432);
    const password = named(list(named(list(statefulSet, "spec.template.spec.containers"), "postgres"), "env"), "POSTGRES_PASSWORD");
    expect(at(password, "valueFrom.secretKeyRef.name")).toBe("switchboard-postgres");
  });

  it("runs Ollama with a model volume and seeds it as the app's OpenAI-compatible endpoint", () => {
    const ollama = find(dev, "Deployment", "ollama");
    const claim = String(at(list(ollama, "spec.template.spec.volumes")[0], "persistentVolumeClaim.claimName"));
    expect(find(dev, "PersistentVolumeClaim", claim)).toBeDefined();
    const port = Number(at(find(dev, "Service", "ollama"), "spec.ports.0.port"));
    const config = appConfig(dev);
    expect(config.OPENAI_COMPATIBLE_BASE_URL).toBe(`http://ollama:${port}/v1`);
    // The Job pulls the model the app is told to use.
    expect(at(find(dev, "Job", "ollama-pull-model"), "spec.template.spec.containers.0.command")).toEqual(["ollama", "pull", config.OPENAI_COMPATIBLE_MODEL]);
  });

  it("runs one app replica in the dev namespace", () => {
    expect(at(find(dev, "Deployment", "switchboard"), "spec.replicas")).toBe(1);
    expect(dev.every((manifest) => manifest.metadata.namespace === "switchboard-dev")).toBe(true);
  });
});

describe("the service-monitor component", () => {
  let scratch = "";
  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it("adds a ServiceMonitor that scrapes /api/metrics with METRICS_TOKEN", async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "sb-kustomize-"));
    const relative = (to: string) => path.relative(scratch, path.join(DIR, to));
    await writeFile(
      path.join(scratch, "kustomization.yaml"),
      `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ${relative("overlays/production")}\ncomponents:\n  - ${relative("components/service-monitor")}\n`,
    );
    const manifests = render(scratch);
    const monitor = find(manifests, "ServiceMonitor", "switchboard");
    expect(at(monitor, "spec.endpoints.0.path")).toBe("/api/metrics");
    expect(at(monitor, "spec.endpoints.0.authorization.credentials")).toEqual({ name: "switchboard-secrets", key: "METRICS_TOKEN" });
    const serviceLabels = find(manifests, "Service", "switchboard").metadata.labels ?? {};
    expect(Object.entries(at(monitor, "spec.selector.matchLabels") as Record<string, string>).every(([key, value]) => serviceLabels[key] === value)).toBe(true);
  });
});
