// The open documents kept out of the model. The model is the disk with the open documents' text
// over it, but a document whose file was deleted on disk (or whose folder went) stays open in the
// editor while its file is gone: it is detached, out of the model, until it is typed into or its
// file or folder comes back. Only the events say so, in the order they came, never a look at the
// disk, which may already be ahead of them.
export class DetachedDocuments {
  /** The absolute paths of the detached documents. */
  private readonly files = new Set<string>();

  /** The file of an open document (an absolute path) was deleted, or its folder went. */
  detach(file: string): void {
    this.files.add(file);
  }

  /** The document was typed into or closed, or its file came back; returns whether it was detached. */
  attach(file: string): boolean {
    return this.files.delete(file);
  }

  /** Whether the open document of `file` stays out of the model. */
  has(file: string): boolean {
    return this.files.has(file);
  }
}
