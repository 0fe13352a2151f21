using Dispatch.Items;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Web.Input;

/// <summary>The same character and length floor for hub method arguments (Join, Leave): a bad argument is refused before the method runs.</summary>
public sealed class InputHubFilter : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        foreach (var argument in invocationContext.HubMethodArguments)
        {
            if (argument is string text && (!TextCharacters.IsClean(text) || text.Length > InputLimits.MaxParameterString))
            {
                throw new HubException(
                    $"参数含有控制字符或超过 {InputLimits.MaxParameterString} 个字符。 An argument holds a control character or is longer than {InputLimits.MaxParameterString} characters.");
            }
        }
        return next(invocationContext);
    }
}
