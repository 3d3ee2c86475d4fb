using CommunityRules.Data.Archives;

namespace CommunityRules.Data.Workplace;

/// <summary>A saved Graph API page of a Workplace archive, <c>{ "data": [ … ], "paging": { … } }</c> or a bare list, and its faults in plain words.</summary>
internal static class WorkplacePage
{
    /// <summary>Gets where a page's items are.</summary>
    public static JsonItemLayout Layout { get; } = new("data", AllowBareList: true);

    /// <summary>Reports a page that could not be read to its end, after the items read before the fault.</summary>
    /// <param name="reader">The page's reader, at its end.</param>
    /// <param name="issues">Receives the fault.</param>
    public static void ReportFault(JsonItemReader reader, IDataIssueReporter issues)
    {
        if (reader.Fault is not { } fault)
        {
            return;
        }

        var itemsSoFar = reader.Count switch
        {
            0 => "no items",
            1 => "1 item",
            var count => $"{count} items",
        };
        var message = fault.Kind switch
        {
            JsonItemFaultKind.Empty => "the file is empty; it should be an object with a \"data\" list",
            JsonItemFaultKind.NotJson => $"the file is not valid JSON ({fault.Detail}); {itemsSoFar} were read and the rest of this file is left out",
            JsonItemFaultKind.CutOff => $"the file ends in the middle of its JSON (it may be cut short); {itemsSoFar} were read and the rest of this file is left out",
            JsonItemFaultKind.WrongRoot => "the file is not a Graph API page: it should be an object with a \"data\" list, or a list",
            JsonItemFaultKind.NoList => "the file has no \"data\" list; it should be a saved Graph API page",
            JsonItemFaultKind.ListNotAList => "\"data\" should be a list",
            JsonItemFaultKind.ErrorResponse => "the file holds a Graph API error response instead of data; save the page again",
            _ => $"item {reader.Count} is larger than {JsonItemReader.MaxItemBytes / (1024 * 1024)} MB; the file is taken as damaged and the rest of it is left out",
        };
        issues.Report(new DataIssue(DataIssueKind.MalformedRecord, reader.Source, fault.Line, message));
    }
}
