"""Generate: Documents from template data (template.py) and sub-plan skeletons from a parent plan
(subplan.py); the writers in vbhc.writers turn them into .docx, Markdown or JSON."""
