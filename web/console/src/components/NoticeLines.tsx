/** A section's live notice line (always there, so screen readers hear it change) and its error, when there is one. */
export function NoticeLines({ notice, error, noticeTestId, errorTestId }: { notice: string | null; error: string | null; noticeTestId?: string; errorTestId: string }) {
  return (
    <>
      <p className="notice-line" role="status" data-testid={noticeTestId}>
        {notice}
      </p>
      {error && (
        <p className="form-error" role="alert" data-testid={errorTestId}>
          {error}
        </p>
      )}
    </>
  );
}
