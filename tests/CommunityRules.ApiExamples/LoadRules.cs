// Shown in docs/api.md ("Load rules"); ApiPageTests keeps the two identical and runs it.
using CommunityRules.Checks;
using CommunityRules.Rules;

namespace CommunityRules.ApiExamples;

public static class LoadRules
{
    public static RuleSet? Run(IReadOnlyList<string> paths, string? profile = null)
    {
        // Files, folders and bundled packs ("builtin:governance"); the checks decide what `check:` may name.
        var loader = new RuleSetLoader(BuiltInChecks.Create());
        var loaded = loader.Load(paths, new RuleSetLoadOptions { Profile = profile }); // a profile such as "crisis", or none
        if (!loaded.Success)
        {
            foreach (var error in loaded.Errors)
            {
                Console.Error.WriteLine(error); // path(line,col): error CR1004: ... with a suggested fix
            }

            return null;
        }

        return loaded.RuleSet;
    }
}
