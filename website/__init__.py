"""The clinic's demo website and its static-file server (the chat widget on a page)."""
