using System.Collections.Immutable;
using Dispatch.Errors;
using Dispatch.EventSourcing;
using Dispatch.Identity;

namespace Dispatch.Items;

/// <summary>
/// The attachment calls of an item grain (<see cref="IAttachedItem"/>), the same for tickets, cases and visits over the
/// item's host: the item supplies where its state keeps the files, who the actor is to it and its event for an upload.
/// </summary>
/// <param name="hotline">Whether the actor is the hotline acting on the item (tickets: an operator; others: never).</param>
/// <param name="attached">The item's event for a recorded upload, given the uploader's name.</param>
public sealed class ItemAttachmentDesk<TState, TEvent, TRow>(
    ItemHost<TState, TEvent, TRow> host,
    ItemVocabulary words,
    Func<TState, ImmutableList<ItemAttachment>> attachmentsOf,
    Func<Actor, TState, ItemWorker> worker,
    Func<Actor, bool> hotline,
    Func<AttachmentUpload, Actor, string, TEvent> attached)
    where TState : IFoldedState<TState, TEvent>
    where TRow : class
{
    public Outcome<ItemAttachment?> MayAttach(Guid attachmentId, Actor actor) =>
        ItemAttachmentRules.Check(words, worker(actor, host.State), hotline(actor), attachmentsOf(host.State), attachmentId);

    /// <param name="uploaderName">The uploader's display name, as the item's history and list show it.</param>
    public Task<Outcome<ItemAttachment>> RecordAsync(AttachmentUpload upload, string uploaderName, Actor actor) =>
        host.ExecuteAsync(actor, null,
            (s, _) => ItemAttachmentRules.Attach(words, worker(actor, s), hotline(actor), attachmentsOf(s), upload, uploaderName,
                (valid, name) => attached(valid, actor, name)),
            () => ItemAttachmentRules.Recorded(attachmentsOf(host.State), upload.AttachmentId)!);

    public Outcome<ImmutableArray<ItemAttachment>> List(Actor actor) =>
        ItemAttachmentRules.List(words, host.CanSee(actor), attachmentsOf(host.State));

    public Outcome<ItemAttachment> Find(Guid attachmentId, Actor actor) =>
        ItemAttachmentRules.Find(words, host.CanSee(actor), attachmentsOf(host.State), attachmentId);
}
