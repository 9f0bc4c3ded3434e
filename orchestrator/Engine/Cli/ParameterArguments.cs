namespace Orchestrator.Cli;

/// <summary>
/// The <c>-p NAME=VALUE</c> arguments. CommandLineParser lets a sequence option swallow every value after it, so in
/// <c>run -p trees=50 TrainModel</c> the task would become a second parameter. Each
/// <c>-p NAME=VALUE</c> takes exactly one value; moving the pairs behind the other arguments
/// gives the parser an order it reads the way the user meant.
/// </summary>
internal static class ParameterArguments
{
    private const string Short = "-p";
    private const string Long = "--param";

    public static string[] MoveToEnd(string[] args)
    {
        var end = Array.IndexOf(args, "--");
        var options = end < 0 ? args : args[..end];
        var others = new List<string>(args.Length);
        var parameters = new List<string>();
        for (var i = 0; i < options.Length; i++)
        {
            var arg = options[i];
            if ((arg == Short || arg == Long) && i + 1 < options.Length)
            {
                parameters.Add(Long);
                parameters.Add(options[++i]);
            }
            else if (arg.StartsWith(Long + "=", StringComparison.Ordinal))
            {
                parameters.Add(Long);
                parameters.Add(arg[(Long.Length + 1)..]);
            }
            else
            {
                others.Add(arg);
            }
        }

        return parameters.Count == 0 ? args : [.. others, .. parameters, .. args[options.Length..]];
    }

    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> arguments)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw UsageException.ParseError($"-p '{argument}' is not NAME=VALUE");
            }

            values[argument[..equals]] = argument[(equals + 1)..];
        }

        return values;
    }
}
