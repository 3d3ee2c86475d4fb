using CommunityRules.Rules.Yaml;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace CommunityRules.Rules.Schema;

/// <summary>Validates a converted YAML document against a JSON Schema and turns each error into plain words at its YAML position.</summary>
internal static class SchemaErrorTranslator
{
    public static void Validate(JsonSchema schema, YamlJson document, JToken token, string file, string context, ICollection<RuleError> errors)
    {
        var seen = new HashSet<(int, int, string)>();
        foreach (var error in Leaves(schema.Validate(token)))
        {
            if (Translate(error, document, file, context) is { } translated && seen.Add((translated.Location.Line, translated.Location.Column, translated.Code)))
            {
                errors.Add(translated);
            }
        }
    }

    private static IEnumerable<ValidationError> Leaves(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            // A list given where one value or a list is allowed (target: [post, comments]) is judged as a list, item by item.
            if (error is ChildSchemaValidationError { Kind: ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf, Token: JArray } listChoice
                && listChoice.Errors.FirstOrDefault(branch => branch.Key.ActualSchema.Type.HasFlag(JsonObjectType.Array)) is { Key: not null } listBranch)
            {
                foreach (var leaf in Leaves(listBranch.Value))
                {
                    yield return leaf;
                }
            }

            // anyOf/oneOf failures list every branch's complaint; one plain sentence about the value says more.
            else if (error is ChildSchemaValidationError child && error.Kind is not (ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf))
            {
                foreach (var leaf in Leaves(child.Errors.SelectMany(pair => pair.Value)))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    private static RuleError? Translate(ValidationError error, YamlJson document, string file, string context)
    {
        // Errors about a property name carry the JProperty; its value is what the document map knows.
        var token = error.Token is JProperty property1 ? property1.Value : error.Token;
        var node = token is null ? null : document.NodeOf(token);
        var key = token is null ? null : document.KeyOf(token);
        // An item of a list has no name of its own; the list's key names it.
        var property = error.Property ?? key?.Value ?? (token?.Parent is JArray { Parent: JProperty list } ? list.Name : "value");
        var at = Location(file, error.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed ? (YamlTreeNode?)key ?? node : node);
        var shown = node is YamlTreeScalar scalar ? $"'{Echo.Short(scalar.Value)}'" : node?.ShapeName ?? "the value";

        switch (error.Kind)
        {
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
            {
                var known = error.Schema?.ActualProperties.Keys ?? [];
                var isOption = context.Length > 0;
                var code = isOption ? RuleErrorCodes.UnknownOption : RuleErrorCodes.UnknownKey;
                var what = isOption ? $"'{property}' is not an option of {context}." : $"'{property}' is not a known key of {ParentOf(error.Path)}.";
                return new RuleError(at, code, what + Suggestions.DidYouMean(property, known));
            }

            case ValidationErrorKind.PropertyRequired:
                return property == "justification"
                    ? new RuleError(at, RuleErrorCodes.MissingJustification, "The exemption has no 'justification'; say why the finding is accepted, so the next review can judge it.")
                    : new RuleError(at, RuleErrorCodes.MissingField, $"'{property}' is missing from {(context.Length > 0 ? context : ParentOf(error.Path))}; add '{property}:'.");

            case ValidationErrorKind.NotInEnumeration:
            {
                var allowed = error.Schema?.Enumeration.Select(value => value?.ToString() ?? "null").ToList() ?? [];
                var value = node is YamlTreeScalar s ? s.Value : shown;
                var (code, noun) = property switch
                {
                    "check" => (RuleErrorCodes.UnknownCheck, "check kind"),
                    _ when allowed.SequenceEqual(["error", "warning", "suggestion", "silent", "none"]) => (RuleErrorCodes.InvalidSeverity, "severity"),
                    _ => (RuleErrorCodes.InvalidValue, $"value for '{property}'"),
                };
                return new RuleError(at, code, $"'{Echo.Short(value)}' is not a known {noun}.{Suggestions.DidYouMean(value, allowed)}");
            }

            case ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf when EnumerationOf(error.Schema) is { Count: > 0 } allowedValues:
            {
                var value = node is YamlTreeScalar s ? s.Value : shown;
                return new RuleError(at, RuleErrorCodes.InvalidValue, $"'{Echo.Short(value)}' is not a known value for '{property}'.{Suggestions.DidYouMean(value, allowedValues)}");
            }

            case ValidationErrorKind.NoTypeValidates or ValidationErrorKind.DateTimeExpected when IsDate(error.Schema):
                return new RuleError(at, RuleErrorCodes.InvalidDate, $"{shown} is not a date; write it as 2026-04-02 or 2026-04-02T09:15:00Z.");

            case ValidationErrorKind.NoTypeValidates when error.Schema is { } typed && typed.Type != JsonObjectType.None:
                return new RuleError(at, RuleErrorCodes.WrongType, $"'{property}' should be {Describe(typed.Type)}, but is {shown}.");

            case ValidationErrorKind.UriExpected:
                return new RuleError(at, RuleErrorCodes.InvalidValue, $"{shown} is not a web link; write it in full, starting with https://, such as https://intranet.example/community/naming.");

            case ValidationErrorKind.StringExpected when node is YamlTreeScalar { IsQuoted: false, IsNull: false }:
                // A plain 2024 or true where text is expected reads fine as text; the binder takes the text as written.
                return null;

            case ValidationErrorKind.StringExpected:
            case ValidationErrorKind.NumberExpected:
            case ValidationErrorKind.IntegerExpected:
            case ValidationErrorKind.BooleanExpected:
            case ValidationErrorKind.ArrayExpected:
            case ValidationErrorKind.ObjectExpected:
            case ValidationErrorKind.NullExpected:
            case ValidationErrorKind.NotAnyOf:
            case ValidationErrorKind.NotOneOf:
                return new RuleError(at, RuleErrorCodes.WrongType, $"'{property}' should be {Expected(error)}, but is {shown}.");

            case ValidationErrorKind.ItemsNotUnique:
                return new RuleError(at, RuleErrorCodes.InvalidValue, $"'{property}' lists a value more than once; write each once.");

            case ValidationErrorKind.PatternMismatch when property == "id":
                return new RuleError(at, RuleErrorCodes.InvalidValue, $"The rule id {shown} may only hold letters, digits, '_', '.' and '-', must start with a letter and be at most 64 characters, such as GOV001.");

            case ValidationErrorKind.StringTooShort when property == "justification":
                return new RuleError(at, RuleErrorCodes.MissingJustification, "The exemption's 'justification' is empty; say why the finding is accepted.");

            case ValidationErrorKind.NumberTooSmall:
            case ValidationErrorKind.NumberTooBig:
                return new RuleError(at, RuleErrorCodes.InvalidOption, $"'{property}' is {shown}, out of its allowed range.");

            default:
                return new RuleError(at, RuleErrorCodes.InvalidValue, $"'{property}' has an invalid value {shown} ({error.Kind}).");
        }
    }

    /// <summary>Names a schema type in plain words, leaving out null (an option may always be left out).</summary>
    private static string Describe(JsonObjectType type)
    {
        var words = new List<string>();
        if (type.HasFlag(JsonObjectType.Integer))
        {
            words.Add("a whole number");
        }
        else if (type.HasFlag(JsonObjectType.Number))
        {
            words.Add("a number");
        }

        if (type.HasFlag(JsonObjectType.String))
        {
            words.Add("text");
        }

        if (type.HasFlag(JsonObjectType.Boolean))
        {
            words.Add("true or false");
        }

        if (type.HasFlag(JsonObjectType.Array))
        {
            words.Add("a list");
        }

        if (type.HasFlag(JsonObjectType.Object))
        {
            words.Add("a mapping of keys to values");
        }

        return words.Count == 0 ? "of another form" : string.Join(" or ", words);
    }

    private static bool IsDate(JsonSchema? schema) => schema is not null && (schema.Format == "date-time" || schema.Format == "date");

    /// <summary>Finds the allowed values of an optional enum, which the schema writes as anyOf/oneOf [null, enum].</summary>
    private static List<string>? EnumerationOf(JsonSchema? schema) =>
        schema is null
            ? null
            : [.. schema.AnyOf.Concat(schema.OneOf)
                .SelectMany(option => option.ActualSchema.Enumeration)
                .Where(value => value is not null)
                .Select(value => value!.ToString()!)];

    private static string Expected(ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.StringExpected => "text",
        ValidationErrorKind.NumberExpected => "a number",
        ValidationErrorKind.IntegerExpected => "a whole number",
        ValidationErrorKind.BooleanExpected => "true or false",
        ValidationErrorKind.ArrayExpected => "a list",
        ValidationErrorKind.ObjectExpected => "a mapping of keys to values",
        ValidationErrorKind.NullExpected => "empty",
        _ => error.Schema?.Description is { Length: > 0 } description ? $"of this form: {description.TrimEnd('.')}" : "of another form",
    };

    /// <summary>Names the mapping that holds the property at a validator path such as <c>#/rules[0].examples[1].group.nmae</c>.</summary>
    private static string ParentOf(string? path)
    {
        var segments = (path ?? string.Empty).TrimStart('#', '/').Split('.');
        var parent = segments.Length >= 2 ? segments[^2] : string.Empty;
        var name = parent.Split('[')[0];
        return name switch
        {
            "" => "the file's top level",
            "rules" => "a rule",
            "examples" => "an example",
            "exemptions" => "an exemption",
            "where" or "not" or "any" => "a 'where' condition",
            "person" or "group" or "post" or "comment" or "membership" => $"an example's {name}",
            "people" => "an example's person",
            "groups" => "an example's group",
            "posts" => "an example's post",
            "comments" => "an example's comment",
            "memberships" => "an example's membership",
            _ when segments.Length >= 3 && segments[^3].StartsWith("profiles", StringComparison.Ordinal) => $"profile '{name}'",
            _ => $"'{name}'",
        };
    }

    private static SourceLocation Location(string file, YamlTreeNode? node) =>
        node is null ? new SourceLocation(file, 1, 1) : new SourceLocation(file, node.Line, node.Column);
}
