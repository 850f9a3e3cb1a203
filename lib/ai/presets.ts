// Endpoint presets: sensible defaults and a line of help for each kind of server an admin may run.
// Shared by the admin form (browser) and the server (validation), so no server-only import here.
export const PRESET_IDS = ["openai", "vllm", "nim", "nim_hosted", "ollama", "lmstudio", "llamacpp", "custom"] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export type Preset = {
  id: PresetId;
  label: string;
  kind: "openai" | "openai_compatible";
  baseUrl: string;
  keyRequired: boolean;
  help: string;
};

export const PRESETS: Record<PresetId, Preset> = {
  openai: {
    id: "openai",
    label: "OpenAI",
    kind: "openai",
    baseUrl: "https://api.openai.com/v1",
    keyRequired: true,
    help: "Hosted OpenAI through the Responses API. Change the base URL only for a proxy or gateway; tick “Use Chat Completions” if that proxy only speaks /chat/completions.",
  },
  vllm: {
    id: "vllm",
    label: "vLLM",
    kind: "openai_compatible",
    baseUrl: "http://localhost:8000/v1",
    keyRequired: false,
    help: "vllm serve <model> listens on http://host:8000/v1. Tool calls need --enable-auto-tool-choice and a --tool-call-parser for the model. A key is only needed when started with --api-key.",
  },
  nim: {
    id: "nim",
    label: "NVIDIA NIM (self-hosted)",
    kind: "openai_compatible",
    baseUrl: "http://localhost:8000/v1",
    keyRequired: false,
    help: "A NIM container serves http://host:8000/v1 and usually needs no key inside your network.",
  },
  nim_hosted: {
    id: "nim_hosted",
    label: "NVIDIA API (hosted)",
    kind: "openai_compatible",
    baseUrl: "https://integrate.api.nvidia.com/v1",
    keyRequired: true,
    help: "NVIDIA's hosted API catalog. Use an API key that starts with nvapi-.",
  },
  ollama: {
    id: "ollama",
    label: "Ollama",
    kind: "openai_compatible",
    baseUrl: "http://localhost:11434/v1",
    keyRequired: false,
    help: "Ollama's OpenAI-compatible API is at http://host:11434/v1 and needs no key. Pull models with `ollama pull <model>`; they are then listed here.",
  },
  lmstudio: {
    id: "lmstudio",
    label: "LM Studio",
    kind: "openai_compatible",
    baseUrl: "http://localhost:1234/v1",
    keyRequired: false,
    help: "Start the local server in LM Studio (Developer tab); it listens on http://host:1234/v1 and needs no key.",
  },
  llamacpp: {
    id: "llamacpp",
    label: "llama.cpp server",
    kind: "openai_compatible",
    baseUrl: "http://localhost:8080/v1",
    keyRequired: false,
    help: "llama-server listens on http://host:8080/v1. Start it with --jinja for tool calls; --api-key makes a key required.",
  },
  custom: {
    id: "custom",
    label: "Other OpenAI-compatible server",
    kind: "openai_compatible",
    baseUrl: "",
    keyRequired: false,
    help: "Any server that speaks the OpenAI Chat Completions API. The base URL usually ends in /v1.",
  },
};
