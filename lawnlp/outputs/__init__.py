"""Outputs: result files with resume (``writers``, ``files``), data frames (``frames``), the HTML corpus
page (``page``), the text table (``table``) and Ray Data (``ray_data``)."""
