"""Writers consume the model only: JSON (the contract), Markdown, a readable tree."""
