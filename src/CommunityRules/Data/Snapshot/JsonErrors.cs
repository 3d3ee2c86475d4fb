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
        var column = exception.BytePositionInLine is { } position ? $" (column {position + 1})" : string.Empty;
        return $"invalid record{where}{column}: {message}";
    }
}
