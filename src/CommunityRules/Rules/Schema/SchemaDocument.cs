using Newtonsoft.Json.Serialization;
using NJsonSchema;
using NJsonSchema.Infrastructure;
using NJsonSchema.References;
using NJsonSchema.Visitors;

namespace CommunityRules.Rules.Schema;

/// <summary>
/// Reads a schema this library generated into NJsonSchema's model, synchronously. NJsonSchema's own reader is async
/// because a <c>$ref</c> may name a file or a web address; ours all point within the document (<c>#/definitions/...</c>),
/// so they resolve at once and the loader, whose API is synchronous, need not block on a task.
/// </summary>
internal static class SchemaDocument
{
    public static JsonSchema Parse(string json)
    {
        var contractResolver = JsonSchema.CreateJsonSerializerContractResolver(SchemaType.JsonSchema);
        var schema = JsonSchemaSerialization.FromJson<JsonSchema>(json, contractResolver)
            ?? throw new InvalidOperationException("The generated schema is empty.");
        var resolver = new JsonReferenceResolver(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator()));
        new LocalReferences(schema, resolver, contractResolver).Visit(schema);
        return schema;
    }

    private sealed class LocalReferences : JsonReferenceVisitorBase
    {
        private readonly JsonSchema _root;
        private readonly JsonReferenceResolver _resolver;
        private readonly IContractResolver _contractResolver;

        public LocalReferences(JsonSchema root, JsonReferenceResolver resolver, IContractResolver contractResolver)
            : base(contractResolver)
        {
            _root = root;
            _resolver = resolver;
            _contractResolver = contractResolver;
        }

        protected override IJsonReference VisitJsonReference(IJsonReference reference, string path, string? typeNameHint)
        {
            if (reference.ReferencePath is { } referencePath && reference.Reference is null)
            {
                if (!referencePath.StartsWith('#'))
                {
                    throw new InvalidOperationException($"The schema refers outside itself at {path}: '{referencePath}'.");
                }

                reference.Reference = _resolver.ResolveDocumentReference(_root, referencePath, typeof(JsonSchema), _contractResolver);
            }

            return reference;
        }
    }
}
