using Dispatch.Errors;
using Dispatch.Tickets;
using Dispatch.Fields;

namespace Dispatch.Routing;

/// <summary>Turns a route question into a routing subject with the intake's own field rules, or reports every bad field.</summary>
public static class RouteQuestionCheck
{
    public static (RoutingSubject? Subject, IReadOnlyList<FieldError> Errors) Check(RouteQuestion question, IntakeReference reference)
    {
        var errors = new List<FieldError>();
        var kind = IntakeText.Choice(question.Kind, TicketVocabulary.Kinds, IntakeField.Kind, errors);
        var topic = IntakeText.Choice(question.Topic, TicketVocabulary.Topics, IntakeField.Topic, errors);
        var (county, town) = IntakeArea.Resolve(question.CountyCode, question.TownCode, reference, errors);
        return errors.Count > 0 ? (null, errors) : (new RoutingSubject(county!, town, kind!, topic!), errors);
    }
}
