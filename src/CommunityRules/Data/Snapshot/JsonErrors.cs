using System.Text.Json;

namespace CommunityRules.Data.Snapshot;

/// <summary>Turns System.Text.Json's exceptions into plain words with a column.</summary>
internal static class JsonErrors
{
    public static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var pathIndex = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (pathIndex > 0)
        {
            message = message[..pathIndex];
        }

        message = message.TrimEnd('.');
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var namesIndex = message.IndexOf("including:", StringComparison.Ordinal);
            var names = namesIndex > 0 ? message[(namesIndex + "including:".Length)..].Trim() : "?";
            return $"missing required field {names}";
        }

        var where = exception.Path is { Length: > 1 } jsonPath ? $" at '{jsonPath.TrimStart('$', '.')}'" : string.Empty;
        const string ConversionPrefix = "The JSON value could not be converted to ";
        if (message.StartsWith(ConversionPrefix, StringComparison.Ordinal) && exception.Path is { Length: > 1 } fieldPath)
        {
            // Name the kind of value wanted in the words of the format, not .NET's type names.
            return $"'{fieldPath.TrimStart('$', '.')}' should be {Expected(message[ConversionPrefix.Length..])}";
        }

        var column = exception.BytePositionInLine is { } position ? $" (column {position + 1})" : string.Empty;
        return $"invalid record{where}{column}: {message}";
    }

    private static string Expected(string typeName) => typeName switch
    {
        _ when typeName.Contains("GroupPrivacy", StringComparison.Ordinal) => "open, closed or secret",
        _ when typeName.Contains("MembershipRole", StringComparison.Ordinal) => "admin or member",
        _ when typeName.Contains("PostType", StringComparison.Ordinal) => "post, question, announcement or poll",
        _ when typeName.Contains("DateTimeOffset", StringComparison.Ordinal) => "a date such as 2026-04-02T09:15:00Z",
        _ when typeName.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when typeName.Contains("IReadOnlyList", StringComparison.Ordinal) => "a list of text, such as [\"a\", \"b\"]",
        _ when typeName.Contains("String", StringComparison.Ordinal) => "text",
        _ when typeName.Contains("Int", StringComparison.Ordinal) => "a whole number",
        _ => "of another kind",
    };
}
