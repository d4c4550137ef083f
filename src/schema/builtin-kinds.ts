import { schemaFiles, type SchemaFile } from '../model/kinds';

/** Every kind svclab has a schema for (Kubernetes' from kubernetes-types, plus svclab's Cluster), from the kinds catalogue. */
export const BUILTIN_KINDS: readonly SchemaFile[] = schemaFiles();
