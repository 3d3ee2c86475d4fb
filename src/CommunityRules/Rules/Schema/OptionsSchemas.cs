using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NJsonSchema;
using NJsonSchema.Generation;

namespace CommunityRules.Rules.Schema;

/// <summary>
/// JSON Schemas generated from typed classes (check options, snapshot records): property names in camelCase, enums
/// as camelCase strings, descriptions from the XML docs, defaults from a new instance, no unknown properties.
/// </summary>
internal static class OptionsSchemas
{
    private static readonly ConcurrentDictionary<Type, JsonSchema> Cache = new();

    public static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(BuiltInOptionsJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    /// <summary>Gets the schema of a type, generated once.</summary>
    public static JsonSchema For(Type type) => Cache.GetOrAdd(type, Generate);

    private static JsonSchema Generate(Type type)
    {
        var settings = new SystemTextJsonSchemaGeneratorSettings
        {
            SerializerOptions = SerializerOptions,
            SchemaType = SchemaType.JsonSchema,
            GenerateEnumMappingDescription = false,
            FlattenInheritanceHierarchy = true,
            DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
        };
        var schema = JsonSchema.FromType(type, settings);
        AddDefaults(type, schema);
        RestrictEnums(type, schema);
        // Nested option classes (such as creation's 'allowed') live under definitions; their hovers need the same care.
        foreach (var property in schema.Properties.Values.Concat(schema.Definitions.Values.SelectMany(definition => definition.Properties.Values)))
        {
            property.Description = Plain(property.Description);
        }

        return schema;
    }

    /// <summary>Turns an XML doc summary ("Gets or sets the fewest admins ...") into what an editor should show on hover ("The fewest admins ...").</summary>
    private static string? Plain(string? description)
    {
        if (string.IsNullOrEmpty(description))
        {
            return description;
        }

        foreach (var (prefix, replacement) in new[] { ("Gets or sets a value indicating whether ", "Whether "), ("Gets a value indicating whether ", "Whether "), ("Gets or sets ", string.Empty), ("Gets ", string.Empty) })
        {
            if (description.StartsWith(prefix, StringComparison.Ordinal))
            {
                var rest = replacement + description[prefix.Length..];
                return string.Concat(rest[..1].ToUpperInvariant(), rest[1..]);
            }
        }

        return description;
    }

    // An enum shared by several options (TermMatch) offers, on a property marked [AllowedValues], only the values it lists.
    private static void RestrictEnums(Type type, JsonSchema schema)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<AllowedValuesAttribute>() is not { } allowed
                || !property.PropertyType.IsEnum
                || !schema.Properties.TryGetValue(JsonNamingPolicy.CamelCase.ConvertName(property.Name), out var propertySchema))
            {
                continue;
            }

            // The property's enum lives in the options class's own definitions, so narrowing it touches no other check.
            var values = propertySchema.OneOf.Select(option => option.ActualSchema).FirstOrDefault(option => option.Enumeration.Count > 0) ?? propertySchema.ActualSchema;
            var keep = allowed.Values.Select(value => JsonNamingPolicy.CamelCase.ConvertName(value!.ToString()!)).ToHashSet(StringComparer.Ordinal);
            var pairs = values.Enumeration.Zip(values.EnumerationNames).Where(pair => keep.Contains(pair.First?.ToString() ?? string.Empty)).ToList();
            values.Enumeration.Clear();
            values.EnumerationNames.Clear();
            foreach (var (value, name) in pairs)
            {
                values.Enumeration.Add(value);
                values.EnumerationNames.Add(name);
            }
        }
    }

    // Editors show defaults on hover; NJsonSchema only emits them from attributes, so read them off a new instance.
    private static void AddDefaults(Type type, JsonSchema schema)
    {
        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            return;
        }

        var instance = Activator.CreateInstance(type);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!schema.Properties.TryGetValue(name, out var propertySchema) || !property.CanRead)
            {
                continue;
            }

            var value = property.GetValue(instance);
            if (value is null || value is System.Collections.ICollection { Count: 0 })
            {
                continue;
            }

            propertySchema.Default = value switch
            {
                Enum e => JsonNamingPolicy.CamelCase.ConvertName(e.ToString()),
                bool or int or long or double or string => value,
                _ => null,
            };
        }
    }
}
